using Pipelines.Data;
using Pipelines.Export.Onnx;
using Pipelines.Export.Onnx.Proto;
using Microsoft.ML.OnnxRuntime.Tensors;
using Pipelines.Export.Serving;

namespace Pipelines.Export.Quantization;

/// <summary>
/// Runs the float model in ONNX Runtime on calibration rows and records the range of each named activation. Activations
/// that are not graph outputs are exposed as extra outputs of a copy of the model for this run only.
/// </summary>
internal static class ActivationCalibrator
{
    public static Dictionary<string, ActivationRangeTracker> Ranges(ModelProto model, IReadOnlyCollection<string> activations, DataFrame calibration, QuantizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        if (calibration.RowCount == 0)
            throw new ArgumentException("Static quantization needs calibration rows, but the frame has none; pass some training rows (a few hundred are enough).", nameof(calibration));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.CalibrationBatchRows, 1, nameof(options.CalibrationBatchRows));
        var probe = model.Clone();
        var graphInputs = probe.Graph.Input.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var outputs = probe.Graph.Output.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in activations.Where(a => !graphInputs.Contains(a) && !outputs.Contains(a)))
        {
            probe.Graph.Output.Add(new ValueInfoProto
            {
                Name = name,
                Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } },
            });
        }
        var fetched = activations.Where(a => !graphInputs.Contains(a)).ToArray();
        var ranges = activations.ToDictionary(a => a, _ => new ActivationRangeTracker(), StringComparer.Ordinal);
        using var session = OnnxSessions.Open(OnnxModel.ToBytes(probe), "the model being calibrated for quantization");
        for (var start = 0; start < calibration.RowCount; start += options.CalibrationBatchRows)
        {
            var count = Math.Min(options.CalibrationBatchRows, calibration.RowCount - start);
            var rows = calibration.Take([.. Enumerable.Range(start, count)]);
            var feeds = CalibrationFeeds.For(session.InputMetadata, rows);
            foreach (var feed in feeds.Where(f => ranges.ContainsKey(f.Name))) ranges[feed.Name].Observe(Floats(feed.AsTensor<float>()));
            if (fetched.Length == 0) continue;
            using var results = OnnxSessions.Run(session, feeds, fetched);
            for (var i = 0; i < fetched.Length; i++) ranges[fetched[i]].Observe(Floats(results[i].AsTensor<float>()));
        }
        return ranges;
    }

    private static ReadOnlySpan<float> Floats(Tensor<float> tensor) => tensor is DenseTensor<float> dense ? dense.Buffer.Span : tensor.ToArray();
}
