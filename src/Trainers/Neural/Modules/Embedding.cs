namespace Pipelines.Trainers.Neural.Modules;

/// <summary>
/// A lookup table W [count, dim] (torch.nn.Embedding, initialized N(0, 1)): row i of the output is W[index_i]. The
/// gradient of each looked-up row adds into its row of W.
/// </summary>
public sealed class Embedding : Module
{
    public Embedding(int count, int dim, Generator generator)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dim, 1);
        Weight = RegisterParameter("weight", Torch.Randn(generator, count, dim));
    }

    public Tensor Weight { get; }

    /// <summary>Rows of the table for <paramref name="indices"/>: [n, dim].</summary>
    public Tensor Forward(ReadOnlySpan<int> indices) => Weight.IndexRows(indices);

    /// <summary>Looks up the values of <paramref name="input"/> read as whole-number indices.</summary>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var indices = new int[input.Count];
        for (var i = 0; i < indices.Length; i++)
        {
            var v = input.Data[i];
            if (v != MathF.Floor(v)) throw new ArgumentException($"Embedding: index {v} is not a whole number.", nameof(input));
            indices[i] = (int)v;
        }
        return Forward(indices);
    }
}
