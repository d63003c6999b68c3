namespace Pipelines.Export.Quantization;

/// <summary>Options of <see cref="OnnxQuantizer.Quantize"/>.</summary>
public sealed record QuantizationOptions
{
    /// <summary>
    /// Quantize weights to 7 bits ([-63, 63]) instead of 8 ([-127, 127]). On x86 CPUs without VNNI, ONNX Runtime's
    /// uint8 x int8 kernels add pairs of products in 16 bits, which can saturate with full-range weights; 7-bit weights
    /// cannot saturate, at the cost of one bit of weight precision.
    /// </summary>
    public bool ReduceRange { get; init; }

    /// <summary>Rows per ONNX Runtime call while calibrating (<see cref="QuantizationMode.StaticQdq"/>).</summary>
    public int CalibrationBatchRows { get; init; } = 1024;

    /// <summary>The defaults: full 8-bit weights, calibration in batches of 1024 rows.</summary>
    public static QuantizationOptions Default { get; } = new();
}
