namespace Pipelines.Trainers.Neural;

/// <summary>
/// Broadcasting for binary operations, as PyTorch's rule restricted to rank 2: a scalar is 1 x 1, a vector of n is
/// 1 x n (a row), and each of the two dimensions must match or be 1. Gradients of a broadcast input are summed over
/// the dimensions it was repeated along.
/// </summary>
internal static class Broadcast
{
    /// <summary>The result shape of combining <paramref name="a"/> and <paramref name="b"/>, with its rows and columns.</summary>
    public static (int[] Shape, int Rows, int Cols) Shape(Tensor a, Tensor b, string op)
    {
        var rows = Combine(a.Rows, b.Rows, a, b, op);
        var cols = Combine(a.Cols, b.Cols, a, b, op);
        var rank = Math.Max(a.Rank, b.Rank);
        int[] shape = rank switch { 2 => [rows, cols], 1 => [cols], _ => [] };
        return (shape, rows, cols);
    }

    /// <summary>The values of <paramref name="t"/> repeated to rows x cols (the data itself when no repeat is needed).</summary>
    public static float[] Expand(Tensor t, int rows, int cols)
    {
        if (t.Rows == rows && t.Cols == cols) return t.Data;
        var full = TensorArena.Take(rows * cols);
        var source = t.Data;
        for (var i = 0; i < rows; i++)
        {
            var row = full.AsSpan(i * cols, cols);
            if (t.Cols == cols) source.AsSpan((t.Rows == 1 ? 0 : i) * cols, cols).CopyTo(row);
            else row.Fill(source[t.Rows == 1 ? 0 : i]);
        }
        return full;
    }

    /// <summary>Sums a rows x cols gradient down to the shape of <paramref name="t"/> and adds it into t's gradient.</summary>
    public static void AccumulateReduced(Tensor t, float[] gradient, int rows, int cols)
    {
        if (!t.RequiresGrad) return;
        if (t.Rows == rows && t.Cols == cols)
        {
            t.AccumulateGrad(gradient);
            return;
        }
        var grad = t.GradBuffer();
        for (var i = 0; i < rows; i++)
        {
            var row = gradient.AsSpan(i * cols, cols);
            var target = t.Rows == 1 ? 0 : i;
            if (t.Cols == cols)
            {
                var dest = grad.AsSpan(target * cols, cols);
                System.Numerics.Tensors.TensorPrimitives.Add(dest, row, dest);
            }
            else
            {
                grad[target] += System.Numerics.Tensors.TensorPrimitives.Sum(row);
            }
        }
    }

    private static int Combine(int x, int y, Tensor a, Tensor b, string op)
    {
        if (x == y || y == 1) return x;
        if (x == 1) return y;
        throw new ArgumentException($"{op}: shapes [{string.Join(", ", a.Shape)}] and [{string.Join(", ", b.Shape)}] do not broadcast.");
    }
}
