using Pipelines.Export.Onnx;
using Pipelines.Export.Onnx.Proto;
using Pipelines.Export.Quantization;

namespace Pipelines.Export.Tests.Quantization;

/// <summary>What the quantizer refuses or leaves alone: tree ensembles, missing or empty calibration, old opsets.</summary>
[TestClass]
public sealed class QuantizerEdgeCaseTests
{
    [TestMethod]
    [DataRow(QuantizationMode.DynamicInt8)]
    [DataRow(QuantizationMode.Float16)]
    public void Tree_ensemble_model_is_returned_unchanged_with_a_note(QuantizationMode mode)
    {
        var model = TreeModel();
        var result = OnnxQuantizer.Quantize(model, mode);

        Assert.IsFalse(result.Report.Changed);
        CollectionAssert.AreEqual(OnnxModel.ToBytes(model), OnnxModel.ToBytes(result.Model));
        Assert.AreEqual(result.Report.OriginalBytes, result.Report.QuantizedBytes);
        StringAssert.Contains(string.Join("\n", result.Report.Notes), "no int8 tree operators");
        StringAssert.Contains(result.Report.ToString(), "Nothing quantized");
    }

    [TestMethod]
    public void Static_quantization_with_zero_calibration_rows_is_a_clear_error()
    {
        var empty = QuantizationFixture.Train.Head(0);
        var error = Assert.ThrowsExactly<ArgumentException>(() => OnnxQuantizer.Quantize(QuantizationFixture.Model, QuantizationMode.StaticQdq, empty));
        StringAssert.Contains(error.Message, "has none");
    }

    [TestMethod]
    public void Static_quantization_without_calibration_is_a_clear_error()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => OnnxQuantizer.Quantize(QuantizationFixture.Model, QuantizationMode.StaticQdq));
        StringAssert.Contains(error.Message, "calibration rows");
    }

    [TestMethod]
    public void Calibration_rows_without_a_model_input_column_name_it()
    {
        var rows = QuantizationFixture.Train.Without("mean radius");
        var error = Assert.ThrowsExactly<ArgumentException>(() => OnnxQuantizer.Quantize(QuantizationFixture.Model, QuantizationMode.StaticQdq, rows));
        StringAssert.Contains(error.Message, "'mean radius'");
    }

    [TestMethod]
    public void Opset_below_13_is_refused()
    {
        var model = QuantizationFixture.Model;
        model.OpsetImport.Single(o => o.Domain.Length == 0).Version = 12;
        var error = Assert.ThrowsExactly<OnnxExportException>(() => OnnxQuantizer.Quantize(model, QuantizationMode.DynamicInt8));
        StringAssert.Contains(error.Message, "opset 12");
    }

    /// <summary>One TreeEnsembleRegressor (a stump on x) feeding Identity.</summary>
    private static ModelProto TreeModel()
    {
        var graph = new OnnxGraphBuilder();
        var x = graph.AddInput("x", TensorProto.Types.DataType.Float, OnnxDim.Rows, OnnxDim.Fixed(1));
        var y = graph.AddMlNode("TreeEnsembleRegressor", "y", [x],
            OnnxAttr.OfInts("nodes_treeids", [0, 0, 0]), OnnxAttr.OfInts("nodes_nodeids", [0, 1, 2]),
            OnnxAttr.OfInts("nodes_featureids", [0, 0, 0]), OnnxAttr.OfFloats("nodes_values", [0.5f, 0, 0]),
            OnnxAttr.OfStrings("nodes_modes", ["BRANCH_LEQ", "LEAF", "LEAF"]),
            OnnxAttr.OfInts("nodes_truenodeids", [1, 0, 0]), OnnxAttr.OfInts("nodes_falsenodeids", [2, 0, 0]),
            OnnxAttr.OfInts("target_treeids", [0, 0]), OnnxAttr.OfInts("target_nodeids", [1, 2]),
            OnnxAttr.OfInts("target_ids", [0, 0]), OnnxAttr.OfFloats("target_weights", [-1f, 1f]), OnnxAttr.OfInt("n_targets", 1));
        graph.AddOutput("Score", y, TensorProto.Types.DataType.Float, OnnxDim.Rows, OnnxDim.Fixed(1));
        return graph.ToModel("tree", []);
    }
}
