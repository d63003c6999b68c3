using System.Numerics.Tensors;

namespace Pipelines.Trainers.Neural;

/// <summary>Elementwise exp, log, sqrt and square.</summary>
public sealed partial class Tensor
{
    /// <summary>y = e^x; dy/dx = y.</summary>
    public Tensor Exp() => Unary((x, y) => TensorPrimitives.Exp(x, y), (_, y, d) => y.CopyTo(d, 0));

    /// <summary>y = ln x (NaN for x &lt; 0, -infinity at 0); dy/dx = 1 / x.</summary>
    public Tensor Log() => Unary((x, y) => TensorPrimitives.Log(x, y), (x, _, d) => TensorPrimitives.Reciprocal(x, d));

    /// <summary>y = sqrt x; dy/dx = 1 / (2 y).</summary>
    public Tensor Sqrt() => Unary(
        (x, y) => TensorPrimitives.Sqrt(x, y),
        (_, y, d) => { for (var i = 0; i < y.Length; i++) d[i] = 0.5f / y[i]; });

    /// <summary>y = x^2; dy/dx = 2 x.</summary>
    public Tensor Square() => Unary((x, y) => TensorPrimitives.Multiply(x, x, y), (x, _, d) => TensorPrimitives.Multiply(x, 2f, d));
}
