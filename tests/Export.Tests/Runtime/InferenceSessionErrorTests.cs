using Pipelines.Errors;
using Pipelines.Export.Runtime;

namespace Pipelines.Export.Tests.Runtime;

[TestClass]
public sealed class InferenceSessionErrorTests
{
    [TestMethod]
    public void A_wrong_input_name_reports_ORTs_message()
    {
        using var session = new InferenceSession(TestModels.PathOf(TestModels.Linear));
        var error = Assert.ThrowsExactly<OnnxRuntimeException>(() => session.Run([NamedTensor.FromFloats("Nope", new float[3], 1, 3)]));
        Assert.AreEqual(OrtErrorCode.InvalidArgument, error.ErrorCode);
        Assert.Contains("Nope", error.OrtMessage);
        Assert.Contains(error.OrtMessage, error.Message);
        Assert.IsInstanceOfType<PipelineException>(error);
    }

    [TestMethod]
    public void A_wrong_input_type_reports_ORTs_message()
    {
        using var session = new InferenceSession(TestModels.PathOf(TestModels.Linear));
        var error = Assert.ThrowsExactly<OnnxRuntimeException>(() => session.Run([NamedTensor.FromInt64s("X", new long[3], 1, 3)]));
        Assert.AreEqual(OrtErrorCode.InvalidArgument, error.ErrorCode);
        Assert.Contains("tensor(int64)", error.OrtMessage);
        Assert.Contains("tensor(float)", error.OrtMessage);
    }

    [TestMethod]
    public void A_wrong_input_shape_reports_ORTs_message()
    {
        using var session = new InferenceSession(TestModels.PathOf(TestModels.Linear));
        var error = Assert.ThrowsExactly<OnnxRuntimeException>(() => session.Run([NamedTensor.FromFloats("X", new float[4], 1, 4)]));
        Assert.AreEqual(OrtErrorCode.InvalidArgument, error.ErrorCode);
        Assert.Contains("X", error.OrtMessage);
    }

    [TestMethod]
    public void A_corrupt_model_file_is_a_clear_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"corrupt-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, [0xFF, 0x13, 0x37, 0x00, 0x42, 0x99, 0x01]);
        try
        {
            var error = Assert.ThrowsExactly<OnnxRuntimeException>(() => new InferenceSession(path));
            Assert.AreEqual(OrtErrorCode.InvalidProtobuf, error.ErrorCode);
            StringAssert.StartsWith(error.Message, $"ONNX Runtime failed loading the model {path}: [InvalidProtobuf]");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void Corrupt_and_empty_model_bytes_are_clear_errors()
    {
        var error = Assert.ThrowsExactly<OnnxRuntimeException>(() => new InferenceSession(new byte[] { 1, 2, 3, 4, 5 }));
        Assert.AreEqual(OrtErrorCode.InvalidProtobuf, error.ErrorCode);
        Assert.Contains("empty", Assert.ThrowsExactly<OnnxRuntimeException>(() => new InferenceSession(Array.Empty<byte>())).Message);
    }

    [TestMethod]
    public void A_missing_model_file_names_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.onnx");
        var error = Assert.ThrowsExactly<OnnxRuntimeException>(() => new InferenceSession(path));
        Assert.AreEqual(OrtErrorCode.NoSuchFile, error.ErrorCode);
        Assert.Contains(path, error.Message);
    }

    [TestMethod]
    public void Asking_for_CUDA_on_the_CPU_build_names_the_available_providers()
    {
        var options = new InferenceSessionOptions { Provider = ExecutionProvider.Cuda(0) };
        var error = Assert.ThrowsExactly<OnnxRuntimeException>(() => new InferenceSession(TestModels.PathOf(TestModels.Linear), options));
        // The npm build lists CUDA (and TensorRT) but ships no plugin for them; WebGPU is built in.
        Assert.Contains("has no CUDA provider (available: ", error.Message);
        var available = error.Message[error.Message.IndexOf("(available: ", StringComparison.Ordinal)..error.Message.IndexOf(';', StringComparison.Ordinal)];
        Assert.Contains("CPUExecutionProvider", available);
        Assert.DoesNotContain("CUDAExecutionProvider", available);
        Assert.Contains("libonnxruntime_providers_cuda.so is not beside it", error.Message);
        Assert.Contains(OrtLibrary.PathVariable, error.Message);
    }

    [TestMethod]
    public void A_tensor_whose_shape_does_not_fit_its_data_is_refused_before_ORT()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => NamedTensor.FromFloats("X", new float[5], 2, 3));
        Assert.Contains("holds 6 element(s), but the data has 5", error.Message);
        Assert.ThrowsExactly<InvalidOperationException>(() => NamedTensor.FromFloats("X", new float[2]).GetInt64s());
    }
}
