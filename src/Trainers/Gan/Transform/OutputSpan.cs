namespace Pipelines.Trainers.Gan.Transform;

/// <summary>How the generator turns its raw outputs for one span into values.</summary>
public enum SpanActivation
{
    /// <summary>One scalar through tanh (a mode-normalized alpha in (-1, 1)).</summary>
    Tanh,

    /// <summary>A one-hot block through Gumbel-softmax (a mode, a category, or a missing/present flag).</summary>
    Softmax,
}

/// <summary>Columns [<paramref name="Start"/>, Start + <paramref name="Width"/>) of the encoded matrix, with their activation.</summary>
public sealed record OutputSpan(int Start, int Width, SpanActivation Activation);

/// <summary>
/// A discrete column the generator can be conditioned on: the one-hot span of a categorical column (or the label) in
/// the encoded matrix, and where its block sits in the conditional vector.
/// </summary>
/// <param name="Column">Index of the column in the frame.</param>
/// <param name="Span">Its one-hot span in the encoded matrix.</param>
/// <param name="CondOffset">Start of its block in the conditional vector (blocks are laid out in column order).</param>
public sealed record DiscreteSpan(int Column, OutputSpan Span, int CondOffset);
