using System.Numerics.Tensors;

namespace Pipelines.Trainers.Neural;

/// <summary>Softmax and log-softmax over the last dimension, computed stably by subtracting each row's maximum.</summary>
public sealed partial class Tensor
{
    /// <summary>
    /// y_ij = x_ij - max_j x_ij - ln sum_j e^(x_ij - max_j x_ij) (row-wise; <paramref name="dim"/> must be the last, -1);
    /// dx_ij = dy_ij - softmax_ij * sum_j dy_ij.
    /// </summary>
    public Tensor LogSoftmax(int dim = -1)
    {
        var (rows, cols) = LastDim(dim, nameof(LogSoftmax));
        var output = TensorArena.Take(Count);
        var exp = TensorArena.Take(cols);
        for (var i = 0; i < rows; i++)
        {
            var x = Data.AsSpan(i * cols, cols);
            var y = output.AsSpan(i * cols, cols);
            TensorPrimitives.Subtract(x, TensorPrimitives.Max(x), y);
            TensorPrimitives.Exp(y, exp);
            TensorPrimitives.Subtract(y, MathF.Log(TensorPrimitives.Sum(exp)), y);
        }
        return Result(output, Shape, [this], grad =>
        {
            if (!RequiresGrad) return;
            var g = GradBuffer();
            var p = TensorArena.Take(cols);
            for (var i = 0; i < rows; i++)
            {
                var dy = grad.AsSpan(i * cols, cols);
                var total = TensorPrimitives.Sum(dy);
                TensorPrimitives.Exp(output.AsSpan(i * cols, cols), p);
                var row = g.AsSpan(i * cols, cols);
                TensorPrimitives.Add(row, dy, row);
                TensorPrimitives.MultiplyAdd(p, -total, row, row);
            }
        });
    }

    /// <summary>y_ij = e^(x_ij - max) / sum_j e^(x_ij - max) (row-wise); dx_ij = y_ij (dy_ij - sum_j dy_ij y_ij).</summary>
    public Tensor Softmax(int dim = -1)
    {
        var (rows, cols) = LastDim(dim, nameof(Softmax));
        var output = TensorArena.Take(Count);
        for (var i = 0; i < rows; i++)
        {
            var x = Data.AsSpan(i * cols, cols);
            var y = output.AsSpan(i * cols, cols);
            TensorPrimitives.Subtract(x, TensorPrimitives.Max(x), y);
            TensorPrimitives.Exp(y, y);
            TensorPrimitives.Divide(y, TensorPrimitives.Sum(y), y);
        }
        return Result(output, Shape, [this], grad =>
        {
            if (!RequiresGrad) return;
            var g = GradBuffer();
            var d = TensorArena.Take(cols);
            for (var i = 0; i < rows; i++)
            {
                var dy = grad.AsSpan(i * cols, cols);
                var y = output.AsSpan(i * cols, cols);
                var dot = TensorPrimitives.Dot(dy, y);
                TensorPrimitives.Subtract(dy, dot, d);
                TensorPrimitives.Multiply(d, y, d);
                var row = g.AsSpan(i * cols, cols);
                TensorPrimitives.Add(row, d, row);
            }
        });
    }

    private (int Rows, int Cols) LastDim(int dim, string op)
    {
        if (Rank == 0) throw new ArgumentException($"{op}: needs a vector or matrix.");
        if (dim != -1 && dim != Rank - 1) throw new ArgumentOutOfRangeException(nameof(dim), dim, $"{op}: only the last dimension is supported.");
        return (Rows, Cols);
    }
}
