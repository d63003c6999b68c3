using Pipelines.Export.Onnx;

namespace Pipelines.Export.Tests.Onnx;

/// <summary>Every converter's model passes the reference ONNX checker and reads back as written.</summary>
[TestClass]
public sealed class ConverterCheckerTests
{
    public static IEnumerable<object[]> Cases => OnnxCases.Names;

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Exported_model_passes_the_onnx_checker(string name)
    {
        var onnxCase = OnnxCases.Get(name);
        var model = OnnxExporter.Export(onnxCase.Fitted, onnxCase.Training);
        OnnxChecker.Check(model);
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Exported_model_reads_back_unchanged(string name)
    {
        var onnxCase = OnnxCases.Get(name);
        var model = OnnxExporter.Export(onnxCase.Fitted, onnxCase.Training);
        var read = OnnxModel.Read(OnnxModel.ToBytes(model));
        Assert.AreEqual(model, read);
        Assert.AreEqual(model.Graph.Node.Count, read.Graph.Node.Count);
        CollectionAssert.AreEqual(model.Graph.Output.Select(o => o.Name).ToList(), read.Graph.Output.Select(o => o.Name).ToList());
    }
}
