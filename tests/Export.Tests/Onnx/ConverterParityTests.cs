namespace Pipelines.Export.Tests.Onnx;

/// <summary>
/// ONNX Runtime on the exported graph gives what the in-process Transform gives, on held-out rows with unseen
/// categories, missing values and extreme numbers (within 1e-5, relative beyond 1).
/// </summary>
[TestClass]
public sealed class ConverterParityTests
{
    public static IEnumerable<object[]> Cases => OnnxCases.Names;

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Onnx_runtime_output_equals_transform_on_held_out_rows(string name)
    {
        var onnxCase = OnnxCases.Get(name);
        OnnxParity.AssertTransformParity(onnxCase.Fitted, onnxCase.Training, onnxCase.HeldOut);
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Onnx_runtime_output_equals_transform_one_row_at_a_time(string name)
    {
        var onnxCase = OnnxCases.Get(name);
        for (var row = 0; row < 5; row++) OnnxParity.AssertTransformParity(onnxCase.Fitted, onnxCase.Training, onnxCase.HeldOut.Take([row]));
    }
}
