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
        var output = TensorArena.Take(m * n);
        Sgemm.Multiply(false, false, m, n, k, 1f, a.Data, k, other.Data, n, 0f, output, n);
        return Result(output, [m, n], [a, other], grad =>
        {
            if (a.RequiresGrad) Sgemm.Multiply(false, true, m, k, n, 1f, grad, n, other.Data, n, 1f, a.GradBuffer(), k);
            if (other.RequiresGrad) Sgemm.Multiply(true, false, k, n, m, 1f, a.Data, k, grad, n, 1f, other.GradBuffer(), n);
        });
    }

    /// <summary>
    /// Y = A W^T for A [m, k], W [n, k] (the product in torch.nn.Linear, without copying W^T); dA = dY W, dW = dY^T A.
    /// </summary>
    public Tensor MatMulTransposed(Tensor weight)
    {
        ArgumentNullException.ThrowIfNull(weight);
        if (Rank != 2 || weight.Rank != 2 || Shape[1] != weight.Shape[1])
            throw new ArgumentException($"MatMulTransposed: needs [m, k] x [n, k], got [{string.Join(", ", Shape)}] x [{string.Join(", ", weight.Shape)}].");
        var a = this;
        int m = Shape[0], k = Shape[1], n = weight.Shape[0];
        var output = TensorArena.Take(m * n);
        Sgemm.Multiply(false, true, m, n, k, 1f, a.Data, k, weight.Data, k, 0f, output, n);
        return Result(output, [m, n], [a, weight], grad =>
        {
            if (a.RequiresGrad) Sgemm.Multiply(false, false, m, k, n, 1f, grad, n, weight.Data, k, 1f, a.GradBuffer(), k);
            if (weight.RequiresGrad) Sgemm.Multiply(true, false, n, k, m, 1f, grad, n, a.Data, k, 1f, weight.GradBuffer(), k);
        });
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
