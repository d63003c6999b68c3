using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Pipelines.Trainers.Neural;

/// <summary>Activation functions (torch.nn.functional names). NaN in gives NaN out.</summary>
public sealed partial class Tensor
{
    private const float SqrtTwoOverPi = 0.7978845608028654f;
    private const float GeluCubic = 0.044715f;

    /// <summary>
    /// y = max(x, 0); dy/dx = 1 for x &gt; 0, else 0. The backward step passes dy where x &gt; 0 and 0 elsewhere (as
    /// torch's threshold_backward: an infinite or NaN dy at x &lt;= 0 gives 0), in one pass.
    /// </summary>
    public Tensor Relu()
    {
        var output = TensorArena.Take(Count, clear: false);
        TensorPrimitives.Max(Data, 0f, output);
        return Result(output, Shape, [this], grad =>
        {
            if (!RequiresGrad) return;
            var (target, accumulate) = GradTarget();
            ReluBackward(Data, grad, target, accumulate);
        });
    }

    /// <summary>target = (accumulate ? target : 0) + (x &gt; 0 ? dy : 0), in vectors.</summary>
    private static void ReluBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> target, bool accumulate)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var xs = MemoryMarshal.Cast<float, Vector<float>>(x);
            var dys = MemoryMarshal.Cast<float, Vector<float>>(dy);
            var targets = MemoryMarshal.Cast<float, Vector<float>>(target);
            for (var j = 0; j < xs.Length; j++)
            {
                var passed = Vector.ConditionalSelect(Vector.GreaterThan(xs[j], Vector<float>.Zero), dys[j], Vector<float>.Zero);
                targets[j] = accumulate ? targets[j] + passed : passed;
            }
            i = xs.Length * Vector<float>.Count;
        }
        for (; i < x.Length; i++)
        {
            var passed = x[i] > 0 ? dy[i] : 0f;
            target[i] = accumulate ? target[i] + passed : passed;
        }
    }

    /// <summary>y = x for x &gt; 0, else slope * x; dy/dx = 1 or slope.</summary>
    public Tensor LeakyRelu(float negativeSlope = 0.01f) => Unary(
        (x, y) => { for (var i = 0; i < x.Length; i++) y[i] = x[i] > 0 ? x[i] : negativeSlope * x[i]; },
        (x, _, d) => { for (var i = 0; i < x.Length; i++) d[i] = x[i] > 0 ? 1f : negativeSlope; });

    /// <summary>
    /// GELU, tanh approximation (torch's approximate='tanh', ONNX Gelu approximate="tanh"):
    /// y = 0.5 x (1 + tanh(u)), u = sqrt(2/pi) (x + 0.044715 x^3);
    /// dy/dx = 0.5 (1 + tanh u) + 0.5 x (1 - tanh^2 u) sqrt(2/pi) (1 + 3 * 0.044715 x^2).
    /// </summary>
    public Tensor Gelu() => Unary(
        (x, y) => GeluForward(x, y),
        (x, _, d) =>
        {
            for (var i = 0; i < x.Length; i++)
            {
                var v = x[i];
                var t = MathF.Tanh(SqrtTwoOverPi * (v + GeluCubic * v * v * v));
                d[i] = 0.5f * (1f + t) + 0.5f * v * (1f - t * t) * SqrtTwoOverPi * (1f + 3f * GeluCubic * v * v);
            }
        });

    /// <summary>The GELU forward formula over spans (shared with fitted models that predict without the graph).</summary>
    internal static void GeluForward(ReadOnlySpan<float> x, Span<float> y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            y[i] = 0.5f * v * (1f + MathF.Tanh(SqrtTwoOverPi * (v + GeluCubic * v * v * v)));
        }
    }

    /// <summary>y = tanh(x); dy/dx = 1 - y^2.</summary>
    public Tensor Tanh() => Unary(
        (x, y) => TensorPrimitives.Tanh(x, y),
        (_, y, d) => { for (var i = 0; i < y.Length; i++) d[i] = 1f - y[i] * y[i]; });

    /// <summary>y = 1 / (1 + e^-x); dy/dx = y (1 - y).</summary>
    public Tensor Sigmoid() => Unary(
        (x, y) => TensorPrimitives.Sigmoid(x, y),
        (_, y, d) => { for (var i = 0; i < y.Length; i++) d[i] = y[i] * (1f - y[i]); });
}
