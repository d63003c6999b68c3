namespace Pipelines.Export.Quantization;

/// <summary>How <see cref="OnnxQuantizer"/> rewrites the MatMul and Gemm nodes whose weights are constants.</summary>
public enum QuantizationMode
{
    /// <summary>
    /// Weights stored as int8 (symmetric, one scale per output column); activations quantized to uint8 at run time
    /// (DynamicQuantizeLinear + MatMulInteger + Cast + Mul, then Add for a bias). No calibration data needed.
    /// </summary>
    DynamicInt8,

    /// <summary>
    /// QuantizeLinear/DequantizeLinear pairs: activations uint8 (asymmetric, ranges from calibration rows), weights int8
    /// (symmetric, per output channel), biases int32. ONNX Runtime fuses the pairs into integer kernels.
    /// </summary>
    StaticQdq,

    /// <summary>Weights and biases stored as float16 with a Cast to float in front, so inputs and outputs stay float32; about half the weight bytes.</summary>
    Float16,
}
