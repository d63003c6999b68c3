namespace Pipelines.Export.Quantization;

/// <summary>Options of <see cref="OnnxQuantizer.Quantize"/>.</summary>
public sealed record QuantizationOptions
{
    /// <summary>
    /// Quantize weights to 7 bits ([-63, 63]) instead of 8 ([-127, 127]). On x86 CPUs without VNNI, ONNX Runtime's
    /// uint8 x int8 kernels add pairs of products in 16 bits, which can saturate with full-range weights; 7-bit weights
    /// cannot saturate, at the cost of one bit of weight precision. On by default, because an exported model runs on
    /// whatever CPU serves it (bench/README.md: 7-bit weights lost no test accuracy on any data/ set, 8-bit lost up to
    /// 2.6 points); turn it off only for models served on VNNI or ARM CPUs.
    /// </summary>
    public bool ReduceRange { get; init; } = true;

    /// <summary>Rows per ONNX Runtime call while calibrating (<see cref="QuantizationMode.StaticQdq"/>).</summary>
    public int CalibrationBatchRows { get; init; } = 1024;

    /// <summary>The defaults: 7-bit weights (see <see cref="ReduceRange"/>), calibration in batches of 1024 rows.</summary>
    public static QuantizationOptions Default { get; } = new();
}
