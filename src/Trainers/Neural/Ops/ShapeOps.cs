namespace Pipelines.Trainers.Neural;

/// <summary>Reshaping, concatenation and row gathering: they move values, and gradients move back the same way.</summary>
public sealed partial class Tensor
{
    /// <summary>The same values under another shape (one dimension may be -1: inferred). Shares the data, as torch's view.</summary>
    public Tensor Reshape(params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var resolved = (int[])shape.Clone();
        var known = 1;
        var inferred = -1;
        for (var i = 0; i < resolved.Length; i++)
        {
            if (resolved[i] == -1)
            {
                if (inferred >= 0) throw new ArgumentException("Reshape: only one dimension may be -1.", nameof(shape));
                inferred = i;
            }
            else known *= resolved[i];
        }
        if (inferred >= 0) resolved[inferred] = known == 0 ? 0 : Count / known;
        return Result(Data, resolved, [this], grad => AccumulateGrad(grad));
    }

    /// <summary>Alias of <see cref="Reshape"/> (torch's view).</summary>
    public Tensor View(params int[] shape) => Reshape(shape);

    /// <summary>Rows <paramref name="indices"/> of a matrix, in that order (torch.index_select(x, 0, idx)); rows may repeat,
    /// and their gradients add up.</summary>
    public Tensor IndexRows(ReadOnlySpan<int> indices)
    {
        if (Rank != 2) throw new ArgumentException($"IndexRows: needs a matrix, got shape [{string.Join(", ", Shape)}].");
        int rows = Shape[0], cols = Shape[1];
        var index = indices.ToArray();
        var output = TensorArena.Take(index.Length * cols);
        for (var i = 0; i < index.Length; i++)
        {
            if ((uint)index[i] >= (uint)rows) throw new ArgumentOutOfRangeException(nameof(indices), index[i], $"IndexRows: row index out of range for {rows} rows.");
            Data.AsSpan(index[i] * cols, cols).CopyTo(output.AsSpan(i * cols, cols));
        }
        return Result(output, [index.Length, cols], [this], grad =>
        {
            if (!RequiresGrad) return;
            var g = GradBuffer();
            for (var i = 0; i < index.Length; i++)
            {
                var dest = g.AsSpan(index[i] * cols, cols);
                System.Numerics.Tensors.TensorPrimitives.Add(dest, grad.AsSpan(i * cols, cols), dest);
            }
        });
    }

    /// <summary>Matrices with equal row counts side by side (torch.cat(xs, dim=1)).</summary>
    public static Tensor Concat(IReadOnlyList<Tensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0) throw new ArgumentException("Concat: needs at least one tensor.", nameof(tensors));
        var rows = tensors[0].Rows;
        var offsets = new int[tensors.Count];
        var cols = 0;
        for (var t = 0; t < tensors.Count; t++)
        {
            if (tensors[t].Rank != 2 || tensors[t].Rows != rows)
                throw new ArgumentException($"Concat: every tensor must be a matrix with {rows} rows; tensor {t} has shape [{string.Join(", ", tensors[t].Shape)}].");
            offsets[t] = cols;
            cols += tensors[t].Cols;
        }
        var output = TensorArena.Take(rows * cols);
        for (var t = 0; t < tensors.Count; t++)
        {
            var width = tensors[t].Cols;
            for (var i = 0; i < rows; i++) tensors[t].Data.AsSpan(i * width, width).CopyTo(output.AsSpan(i * cols + offsets[t], width));
        }
        var inputs = tensors.ToArray();
        return Result(output, [rows, cols], inputs, grad =>
        {
            for (var t = 0; t < inputs.Length; t++)
            {
                if (!inputs[t].RequiresGrad) continue;
                var width = inputs[t].Cols;
                var g = inputs[t].GradBuffer();
                for (var i = 0; i < rows; i++)
                {
                    var dest = g.AsSpan(i * width, width);
                    System.Numerics.Tensors.TensorPrimitives.Add(dest, grad.AsSpan(i * cols + offsets[t], width), dest);
                }
            }
        });
    }
}
