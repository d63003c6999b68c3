using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Pipelines.Errors;
using Pipelines.Export.Onnx;
using Pipelines.Export.Serving;
using Pipelines.Export.Tests.Onnx;
using Pipelines.Trainers.Mlp;

namespace Pipelines.Export.Tests.Serving;

/// <summary>The project's layer over ONNX Runtime's own API: ORT's errors become one <see cref="PipelineException"/> naming the model.</summary>
[TestClass]
public sealed class OnnxSessionsTests
{
    private static readonly Lazy<byte[]> Model = new(() =>
    {
        var data = MlpTestData.Read("iris.csv", "species");
        return OnnxModel.ToBytes(OnnxExporter.Export(MlpTestData.Classifier("iris.csv", data), data));
    });

    [TestMethod]
    public void A_session_opens_on_the_CPU_and_runs_a_frame()
    {
        var data = MlpTestData.Read("iris.csv", "species");
        using var session = OnnxSessions.Open(Model.Value, "iris.onnx");
        using var outputs = OnnxSessions.Run(session, OnnxInputs.FromFrame(session.InputMetadata, data));
        var frame = OnnxOutputs.ToFrame(outputs, null);
        Assert.AreEqual(data.RowCount, frame.RowCount);
        CollectionAssert.AreEqual(new[] { "PredictedLabel", "Probability.0", "Probability.1", "Probability.2" }, frame.Names.ToArray());
    }

    [TestMethod]
    public void Model_bytes_that_ORT_rejects_name_the_source()
    {
        var error = Assert.ThrowsExactly<OnnxServingException>(() => OnnxSessions.Open([1, 2, 3, 4, 5], "broken.onnx"));
        StringAssert.StartsWith(error.Message, "ONNX Runtime failed loading broken.onnx: ");
        Assert.IsInstanceOfType<OnnxRuntimeException>(error.InnerException);
        Assert.IsInstanceOfType<PipelineException>(error);
        Assert.DoesNotContain("\n", error.Message);
    }

    [TestMethod]
    public void An_input_ORT_refuses_is_an_error_quoting_ORT()
    {
        using var session = OnnxSessions.Open(Model.Value, "iris.onnx");
        var name = session.InputMetadata.Keys.First();
        NamedOnnxValue[] wrong = [NamedOnnxValue.CreateFromTensor(name, new DenseTensor<float>(new float[6], [2, 3]))];
        var error = Assert.ThrowsExactly<OnnxServingException>(() => OnnxSessions.Run(session, wrong));
        StringAssert.StartsWith(error.Message, "ONNX Runtime failed running the model: ");
        Assert.Contains("Got invalid dimensions for input: " + name, error.Message);
        Assert.Contains(((OnnxRuntimeException)error.InnerException!).Message.ReplaceLineEndings(" ").Trim(), error.Message);
        Assert.DoesNotContain("\n", error.Message);
    }

    [TestMethod]
    public void The_CPU_is_always_usable()
    {
        Assert.IsNull(OnnxSessions.WhyUnusable(OnnxDevice.Cpu));
        using var options = OnnxSessions.CreateOptions(OnnxDevice.Cpu);
        Assert.AreEqual(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, options.LogSeverityLevel);
    }

    [TestMethod]
    public void Asking_the_CPU_build_for_CUDA_says_to_rebuild()
    {
        if (OrtEnv.Instance().GetAvailableProviders().Contains(CudaProbe.Provider))
            Assert.Inconclusive("This is the CUDA build (-p:OnnxRuntimeGpu=true); the CPU build's message is shown by CudaProbeTests.");
        var error = Assert.ThrowsExactly<OnnxServingException>(() => OnnxSessions.CreateOptions(OnnxDevice.Cuda(1)));
        Assert.AreEqual(
            "cannot run on cuda:1: this build has the CPU ONNX Runtime; rebuild with -p:OnnxRuntimeGpu=true (see docs/onnxruntime.md)",
            error.Message);
        Assert.AreEqual("this build has the CPU ONNX Runtime; rebuild with -p:OnnxRuntimeGpu=true", OnnxSessions.WhyUnusable(OnnxDevice.Cuda(0)));
    }

    [TestMethod]
    public void A_scorer_on_an_unusable_device_fails_before_loading()
    {
        var reason = OnnxSessions.WhyUnusable(OnnxDevice.Cuda(0));
        if (reason is null) Assert.Inconclusive("cuda:0 is usable here, so there is no error to show.");
        var path = Path.Combine(Path.GetTempPath(), $"scorer-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, Model.Value);
        try
        {
            var error = Assert.ThrowsExactly<OnnxServingException>(() => OnnxScorer.Open(path, OnnxDevice.Cuda(0)));
            Assert.AreEqual($"cannot run on cuda:0: {reason} (see docs/onnxruntime.md)", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
