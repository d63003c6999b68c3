using Pipelines.Export.Onnx;
using Pipelines.Export.Onnx.Proto;
using Pipelines.Export.Quantization;
using Pipelines.Export.Tests.Onnx;

namespace Pipelines.Export.Tests.Quantization;

/// <summary>
/// Each mode on a small MLP: the graph passes onnx.checker (full_check), runs in ONNX Runtime, and stays close to the
/// float model on held-out breast_cancer rows. Tolerances: predicted labels agree on at least 97% of rows for int8
/// (they differ only where the float probability is near 0.5), every probability within 0.05 (int8) or 2e-3 (float16).
/// </summary>
[TestClass]
public sealed class OnnxQuantizerTests
{
    public static IEnumerable<object[]> Modes =>
    [
        [QuantizationMode.DynamicInt8, 0.05f, 0.97],
        [QuantizationMode.StaticQdq, 0.05f, 0.97],
        [QuantizationMode.Float16, 2e-3f, 1.0],
    ];

    [TestMethod]
    [DynamicData(nameof(Modes))]
    public void Quantized_model_passes_checker_runs_and_stays_close_to_float(QuantizationMode mode, float probabilityTolerance, double labelAgreement)
    {
        var model = QuantizationFixture.Model;
        var result = OnnxQuantizer.Quantize(model, mode, mode == QuantizationMode.StaticQdq ? QuantizationFixture.Train : null);

        Assert.AreEqual(3, result.Report.Quantized.Count, result.Report.ToString());
        Assert.AreEqual(mode.ToString(), result.Model.MetadataProps.Single(p => p.Key == OnnxQuantizer.MetadataKey).Value);
        OnnxChecker.Check(result.Model);
        var (expected, expectedLabels) = QuantizationFixture.Run(model, QuantizationFixture.Test);
        var (actual, labels) = QuantizationFixture.Run(result.Model, QuantizationFixture.Test);
        Assert.HasCount(expected.Length, actual);
        var worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        var agree = expectedLabels.Zip(labels, (e, a) => e == a).Count(x => x) / (double)labels.Length;
        Assert.IsTrue(worst <= probabilityTolerance, $"{mode}: largest probability difference {worst}");
        Assert.IsTrue(agree >= labelAgreement, $"{mode}: labels agree on {agree:P1}");
        Assert.IsTrue(worst > 0, $"{mode}: the outputs are bit-identical, so nothing was quantized");
    }

    [TestMethod]
    [DataRow(QuantizationMode.DynamicInt8)]
    [DataRow(QuantizationMode.StaticQdq)]
    [DataRow(QuantizationMode.Float16)]
    public void Quantized_file_is_smaller_and_input_model_is_unchanged(QuantizationMode mode)
    {
        // A [128, 128] MLP: on the [16, 16] one the QDQ nodes and scales outweigh the 2 KB of weights saved.
        var model = QuantizationFixture.WideModel;
        var before = OnnxModel.ToBytes(model);
        var result = OnnxQuantizer.Quantize(model, mode, QuantizationFixture.Train.Head(64));

        CollectionAssert.AreEqual(before, OnnxModel.ToBytes(model), "the input model was changed");
        Assert.AreEqual(before.Length, result.Report.OriginalBytes);
        Assert.AreEqual(OnnxModel.ToBytes(result.Model).Length, result.Report.QuantizedBytes);
        Assert.IsTrue(result.Report.QuantizedBytes < result.Report.OriginalBytes, result.Report.ToString());
    }

    [TestMethod]
    public void Float16_halves_the_weight_bytes()
    {
        var model = QuantizationFixture.Model;
        var floatBytes = WeightBytes(model, TensorProto.Types.DataType.Float, name => name.StartsWith("mlp_w", StringComparison.Ordinal) || name.StartsWith("mlp_b", StringComparison.Ordinal));
        var result = OnnxQuantizer.Quantize(model, QuantizationMode.Float16);
        var halfBytes = WeightBytes(result.Model, TensorProto.Types.DataType.Float16, _ => true);

        Assert.IsGreaterThan(0, floatBytes);
        Assert.AreEqual(floatBytes / 2, halfBytes);
        Assert.IsFalse(result.Model.Graph.Initializer.Any(t => t.Name.StartsWith("mlp_w", StringComparison.Ordinal) && t.DataType == (int)TensorProto.Types.DataType.Float));
        Assert.AreEqual(6, result.Model.Graph.Node.Count(n => n.OpType == "Cast" && n.Input[0].EndsWith("_fp16", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Int8_modes_store_int8_weights_and_drop_the_float_ones()
    {
        foreach (var mode in new[] { QuantizationMode.DynamicInt8, QuantizationMode.StaticQdq })
        {
            var result = OnnxQuantizer.Quantize(QuantizationFixture.Model, mode, QuantizationFixture.Train);
            var initializers = result.Model.Graph.Initializer;
            Assert.IsFalse(initializers.Any(t => t.Name is "mlp_w0" or "mlp_w1" or "mlp_w2"), mode.ToString());
            Assert.AreEqual(3, initializers.Count(t => t.DataType == (int)TensorProto.Types.DataType.Int8 && t.Dims.Count == 2), mode.ToString());
        }
    }

    [TestMethod]
    public void Reduced_range_weights_stay_within_seven_bits()
    {
        var result = OnnxQuantizer.Quantize(QuantizationFixture.Model, QuantizationMode.DynamicInt8, options: new QuantizationOptions { ReduceRange = true });
        var weights = result.Model.Graph.Initializer.Where(t => t.DataType == (int)TensorProto.Types.DataType.Int8 && t.Dims.Count == 2).ToList();
        Assert.HasCount(3, weights);
        foreach (var w in weights)
        {
            var values = w.RawData.Span.ToArray().Select(b => (sbyte)b).ToArray();
            Assert.AreEqual(63, values.Max(v => Math.Abs((int)v)), w.Name);
        }
        var (expected, _) = QuantizationFixture.Run(QuantizationFixture.Model, QuantizationFixture.Test);
        var (actual, _) = QuantizationFixture.Run(result.Model, QuantizationFixture.Test);
        Assert.IsTrue(expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max() <= 0.1f);
    }

    private static long WeightBytes(ModelProto model, TensorProto.Types.DataType type, Func<string, bool> include) =>
        model.Graph.Initializer.Where(t => t.DataType == (int)type && include(t.Name))
            .Sum(t => type == TensorProto.Types.DataType.Float ? t.FloatData.Count * 4L + t.RawData.Length : t.RawData.Length);
}
