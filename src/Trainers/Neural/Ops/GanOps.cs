namespace Pipelines.Trainers.Neural;

/// <summary>Column slicing (torch's narrow along dim 1), used to split a generator's output into per-column spans.</summary>
public sealed partial class Tensor
{
    /// <summary>
    /// Columns <paramref name="start"/> .. start + <paramref name="count"/> - 1 of a matrix [n, c] as a new [n, count]
    /// matrix (a copy; torch.narrow(x, 1, start, count)). The gradient is added back into those columns; the other
    /// columns get none.
    /// </summary>
    public Tensor Columns(int start, int count)
    {
        if (Rank != 2) throw new ArgumentException($"Columns: needs a matrix, got shape [{string.Join(", ", Shape)}].");
        int rows = Shape[0], cols = Shape[1];
        if (start < 0 || count < 1 || start + count > cols)
            throw new ArgumentOutOfRangeException(nameof(start), start, $"Columns: [{start}, {start + count}) is outside the {cols} columns.");
        var output = TensorArena.Take(rows * count);
        for (var i = 0; i < rows; i++) Data.AsSpan(i * cols + start, count).CopyTo(output.AsSpan(i * count, count));
        return Result(output, [rows, count], [this], grad =>
        {
            if (!RequiresGrad) return;
            var g = GradBuffer();
            for (var i = 0; i < rows; i++)
            {
                var dest = g.AsSpan(i * cols + start, count);
                System.Numerics.Tensors.TensorPrimitives.Add(dest, grad.AsSpan(i * count, count), dest);
            }
        });
    }
}
