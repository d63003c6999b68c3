using Pipelines.Trainers.Neural;

namespace Pipelines.Trainers.Compression;

/// <summary>
/// Quantization arithmetic shared by quantization-aware training and int8 export (the ONNX QuantizeLinear /
/// DequantizeLinear conventions, round half to even):
/// <list type="bullet">
/// <item>weights, int8 symmetric per output channel (row o of W): s_o = max_i |W[o, i]| / 127 (1 for an all-zero row),
/// q = clamp(round(w / s_o), -127, 127), w' = q s_o;</item>
/// <item>activations, uint8 asymmetric per tensor from an observed range [min, max] widened to hold 0:
/// s = (max - min) / 255 (1 when max = min), z = clamp(round(-min / s), 0, 255), q = clamp(round(x / s) + z, 0, 255),
/// x' = (q - z) s.</item>
/// </list>
/// NaN is not expected (the networks refuse missing values); it would stay NaN through the float arithmetic.
/// </summary>
public static class FakeQuantize
{
    /// <summary>The per-row scales s_o of W [rows, cols] row-major.</summary>
    public static float[] WeightScales(ReadOnlySpan<float> weight, int rows, int cols)
    {
        var scales = new float[rows];
        for (var o = 0; o < rows; o++)
        {
            var max = MathF.Abs(System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(weight.Slice(o * cols, cols)));
            scales[o] = max > 0 ? max / 127f : 1f;
        }
        return scales;
    }

    /// <summary>The int8 codes q of W [rows, cols] with the given per-row scales.</summary>
    public static sbyte[] QuantizeWeights(ReadOnlySpan<float> weight, int rows, int cols, ReadOnlySpan<float> scales)
    {
        var q = new sbyte[rows * cols];
        for (var o = 0; o < rows; o++)
        {
            for (var i = 0; i < cols; i++) q[o * cols + i] = (sbyte)Math.Clamp(MathF.Round(weight[o * cols + i] / scales[o]), -127, 127);
        }
        return q;
    }

    /// <summary>Scale and zero point of uint8 activations observed in [min, max].</summary>
    public static (float Scale, int ZeroPoint) ActivationParameters(float min, float max)
    {
        min = MathF.Min(min, 0);
        max = MathF.Max(max, 0);
        var scale = max > min ? (max - min) / 255f : 1f;
        return (scale, (int)Math.Clamp(MathF.Round(-min / scale), 0, 255));
    }

    /// <summary>The uint8 code of <paramref name="x"/>.</summary>
    public static byte QuantizeActivation(float x, float scale, int zeroPoint) =>
        (byte)Math.Clamp(MathF.Round(x / scale) + zeroPoint, 0, 255);

    /// <summary>
    /// W' = dequantize(quantize(W)) per output channel, with the straight-through estimator backward: dL/dW = dL/dW'
    /// (no weight is clipped, since s_o covers the row's largest magnitude).
    /// </summary>
    internal static Tensor Weights(Tensor weight)
    {
        int rows = weight.Shape[0], cols = weight.Shape[1];
        var scales = WeightScales(weight.Data, rows, cols);
        var q = QuantizeWeights(weight.Data, rows, cols, scales);
        var output = new float[q.Length];
        for (var o = 0; o < rows; o++)
        {
            for (var i = 0; i < cols; i++) output[o * cols + i] = q[o * cols + i] * scales[o];
        }
        return Tensor.Result(output, weight.Shape, [weight], grad => weight.AccumulateGrad(grad));
    }

    /// <summary>
    /// x' = dequantize(quantize(x)) with uint8 parameters; backward is the clipped straight-through estimator
    /// (PyTorch's FakeQuantize): dL/dx = dL/dx' where round(x / s) + z lies in [0, 255], else 0.
    /// </summary>
    internal static Tensor Activations(Tensor x, float scale, int zeroPoint)
    {
        var output = new float[x.Count];
        var pass = new float[x.Count];
        for (var i = 0; i < output.Length; i++)
        {
            var level = MathF.Round(x.Data[i] / scale) + zeroPoint;
            pass[i] = level is >= 0 and <= 255 ? 1 : 0;
            output[i] = (Math.Clamp(level, 0, 255) - zeroPoint) * scale;
        }
        return Tensor.Result(output, x.Shape, [x], grad =>
        {
            var g = new float[grad.Length];
            System.Numerics.Tensors.TensorPrimitives.Multiply(grad, pass, g);
            x.AccumulateGrad(g);
        });
    }
}
