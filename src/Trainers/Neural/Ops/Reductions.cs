using System.Numerics.Tensors;

namespace Pipelines.Trainers.Neural;

/// <summary>Sums and means over all values or along one dimension. NaN anywhere in a sum gives NaN.</summary>
public sealed partial class Tensor
{
    /// <summary>y = sum_i x_i (a scalar); dx_i = dy.</summary>
    public Tensor Sum() => Reduce(1f);

    /// <summary>y = (1/N) sum_i x_i; dx_i = dy / N.</summary>
    public Tensor Mean() => Reduce(Count == 0 ? float.NaN : 1f / Count);

    /// <summary>Sum along <paramref name="dim"/> (0: over rows, giving one value per column; 1 or -1: over columns).</summary>
    public Tensor Sum(int dim, bool keepDim = false) => Reduce(dim, keepDim, mean: false);

    /// <summary>Mean along <paramref name="dim"/>: the sum divided by that dimension's length.</summary>
    public Tensor Mean(int dim, bool keepDim = false) => Reduce(dim, keepDim, mean: true);

    private Tensor Reduce(float scale)
    {
        var value = TensorPrimitives.Sum(Data) * scale;
        return Result([value], [], [this], grad =>
        {
            if (!RequiresGrad) return;
            var g = GradBuffer();
            TensorPrimitives.Add(g, grad[0] * scale, g);
        });
    }

    private Tensor Reduce(int dim, bool keepDim, bool mean)
    {
        if (Rank < 2) return mean ? Mean() : Sum();
        if (dim < 0) dim += 2;
        if (dim is not (0 or 1)) throw new ArgumentOutOfRangeException(nameof(dim), dim, "A matrix has dimensions 0 and 1.");
        int rows = Shape[0], cols = Shape[1];
        var source = Data;
        if (dim == 0)
        {
            var scale = mean ? 1f / rows : 1f;
            var output = TensorArena.Take(cols);
            for (var i = 0; i < rows; i++) TensorPrimitives.Add(output, source.AsSpan(i * cols, cols), output);
            if (mean) TensorPrimitives.Multiply(output, scale, output);
            return Result(output, keepDim ? [1, cols] : [cols], [this], grad =>
            {
                if (!RequiresGrad) return;
                var g = GradBuffer();
                for (var i = 0; i < rows; i++)
                {
                    var row = g.AsSpan(i * cols, cols);
                    TensorPrimitives.MultiplyAdd(grad, scale, row, row);
                }
            });
        }
        else
        {
            var scale = mean ? 1f / cols : 1f;
            var output = TensorArena.Take(rows);
            for (var i = 0; i < rows; i++) output[i] = TensorPrimitives.Sum(source.AsSpan(i * cols, cols)) * scale;
            return Result(output, keepDim ? [rows, 1] : [rows], [this], grad =>
            {
                if (!RequiresGrad) return;
                var g = GradBuffer();
                for (var i = 0; i < rows; i++)
                {
                    var row = g.AsSpan(i * cols, cols);
                    TensorPrimitives.Add(row, grad[i] * scale, row);
                }
            });
        }
    }
}
