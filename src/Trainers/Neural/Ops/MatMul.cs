using System.Numerics.Tensors;
using Pipelines.Trainers.Neural.Kernels;

namespace Pipelines.Trainers.Neural;

/// <summary>Matrix products through <see cref="Sgemm"/>.</summary>
public sealed partial class Tensor
{
    /// <summary>Y = A B for A [m, k], B [k, n]; dA = dY B^T, dB = A^T dY.</summary>
    public Tensor MatMul(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Rank != 2 || other.Rank != 2 || Shape[1] != other.Shape[0])
            throw new ArgumentException($"MatMul: needs [m, k] x [k, n], got [{string.Join(", ", Shape)}] x [{string.Join(", ", other.Shape)}].");
        var a = this;
        int m = Shape[0], k = Shape[1], n = other.Shape[1];
        var output = TensorArena.Take(m * n, clear: false);
        Sgemm.Multiply(false, false, m, n, k, 1f, a.Data, k, other.Data, n, 0f, output, n);
        return Result(output, [m, n], [a, other], grad =>
        {
            if (a.RequiresGrad)
            {
                var (g, accumulate) = a.GradTarget();
                Sgemm.Multiply(false, true, m, k, n, 1f, grad, n, other.Data, n, accumulate ? 1f : 0f, g, k);
            }
            if (other.RequiresGrad)
            {
                var (g, accumulate) = other.GradTarget();
                Sgemm.Multiply(true, false, k, n, m, 1f, a.Data, k, grad, n, accumulate ? 1f : 0f, g, n);
            }
        });
    }

    /// <summary>
    /// Y = A W^T for A [m, k], W [n, k] (the product in torch.nn.Linear, without copying W^T); dA = dY W, dW = dY^T A.
    /// </summary>
    public Tensor MatMulTransposed(Tensor weight) => LinearMap(weight, null, nameof(MatMulTransposed));

    /// <summary>
    /// Y = A W^T + b for A [m, k], W [n, k] and b [n] or none (torch.nn.functional.linear) as one operation: b fills Y
    /// and the product adds into it, and the backward step gives dA = dY W, dW = dY^T A and db = the column sums of dY,
    /// with no node (and no array) for the product alone. With k at most <see cref="Sgemm.KC"/> every value is rounded
    /// as in <c>MatMulTransposed(W) + b</c>; over it, b enters the sum before the last block instead of after it.
    /// </summary>
    public Tensor Linear(Tensor weight, Tensor? bias = null) => LinearMap(weight, bias, nameof(Linear));

    private Tensor LinearMap(Tensor weight, Tensor? bias, string op)
    {
        ArgumentNullException.ThrowIfNull(weight);
        if (Rank != 2 || weight.Rank != 2 || Shape[1] != weight.Shape[1])
            throw new ArgumentException($"{op}: needs [m, k] x [n, k], got [{string.Join(", ", Shape)}] x [{string.Join(", ", weight.Shape)}].");
        var a = this;
        int m = Shape[0], k = Shape[1], n = weight.Shape[0];
        if (bias is not null && (bias.Rank != 1 || bias.Count != n))
            throw new ArgumentException($"{op}: the bias must be a vector of {n}, got [{string.Join(", ", bias.Shape)}].");
        var output = TensorArena.Take(m * n, clear: false);
        if (bias is not null)
        {
            for (var i = 0; i < m; i++) bias.Data.CopyTo(output, i * n);
        }
        Sgemm.Multiply(false, true, m, n, k, 1f, a.Data, k, weight.Data, k, bias is null ? 0f : 1f, output, n);
        return Result(output, [m, n], bias is null ? [a, weight] : [a, weight, bias], grad =>
        {
            if (a.RequiresGrad)
            {
                var (g, accumulate) = a.GradTarget();
                Sgemm.Multiply(false, false, m, k, n, 1f, grad, n, weight.Data, k, accumulate ? 1f : 0f, g, k);
            }
            if (weight.RequiresGrad)
            {
                var (g, accumulate) = weight.GradTarget();
                Sgemm.Multiply(true, false, n, k, m, 1f, grad, n, a.Data, k, accumulate ? 1f : 0f, g, k);
            }
            if (bias is { RequiresGrad: true }) AddColumnSums(grad, m, n, bias);
        });
    }

    /// <summary>Adds the column sums of the m x n <paramref name="values"/> into <paramref name="vector"/>'s gradient, row by row.</summary>
    private static void AddColumnSums(float[] values, int m, int n, Tensor vector)
    {
        var (g, accumulate) = vector.GradTarget();
        var first = 0;
        if (!accumulate)
        {
            if (m == 0)
            {
                Array.Clear(g);
                return;
            }
            values.AsSpan(0, n).CopyTo(g);
            first = 1;
        }
        for (var i = first; i < m; i++) TensorPrimitives.Add(g, values.AsSpan(i * n, n), g);
    }

    /// <summary>The transpose of a matrix (a copy; torch's t()); the gradient is transposed back.</summary>
    public Tensor T()
    {
        if (Rank != 2) throw new ArgumentException($"T(): needs a matrix, got shape [{string.Join(", ", Shape)}].");
        int rows = Shape[0], cols = Shape[1];
        var output = TensorArena.Take(Data.Length);
        Transpose(Data, rows, cols, output);
        return Result(output, [cols, rows], [this], grad =>
        {
            var back = TensorArena.Take(grad.Length);
            Transpose(grad, cols, rows, back);
            AccumulateGrad(back);
        });
    }

    private static void Transpose(float[] source, int rows, int cols, float[] dest)
    {
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++) dest[j * rows + i] = source[i * cols + j];
        }
    }
}
