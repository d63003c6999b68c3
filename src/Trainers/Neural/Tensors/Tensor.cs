using System.Numerics.Tensors;

namespace Pipelines.Trainers.Neural;

/// <summary>
/// A dense float32 tensor of rank 0 to 2, row-major and contiguous (a transpose copies; no strides are kept), with
/// reverse-mode autograd as in PyTorch: an operation on tensors that require gradients records a backward closure
/// and its inputs; <see cref="Backward"/> runs the closures in reverse topological order, each adding into its
/// inputs' <see cref="Grad"/>. Operations are in the <c>Ops</c> folder, one family per file.
/// </summary>
public sealed partial class Tensor
{
    private static readonly Tensor[] NoParents = [];

    /// <summary>Wraps <paramref name="data"/> (not copied) with <paramref name="shape"/>.</summary>
    public Tensor(float[] data, int[] shape, bool requiresGrad = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Length > 2) throw new ArgumentException($"Tensors here have rank 0 to 2, got shape [{string.Join(", ", shape)}].", nameof(shape));
        var count = 1;
        foreach (var s in shape)
        {
            if (s < 0) throw new ArgumentException($"Negative dimension in shape [{string.Join(", ", shape)}].", nameof(shape));
            count *= s;
        }
        if (count != data.Length) throw new ArgumentException($"Shape [{string.Join(", ", shape)}] holds {count} values, but the data has {data.Length}.", nameof(data));
        Data = data;
        Shape = [.. shape];
        RequiresGrad = requiresGrad;
    }

    /// <summary>The values, row-major. Optimizers update them in place.</summary>
    public float[] Data { get; }

    /// <summary>The dimensions: [] for a scalar, [n] for a vector, [rows, cols] for a matrix.</summary>
    public int[] Shape { get; }

    public int Rank => Shape.Length;

    /// <summary>Number of values (torch's numel).</summary>
    public int Count => Data.Length;

    /// <summary>Whether gradients flow into this tensor. Set on leaves (parameters); results inherit it from inputs.</summary>
    public bool RequiresGrad { get; set; }

    /// <summary>d(output)/d(this), filled by <see cref="Backward"/> (accumulates until cleared, as in PyTorch).</summary>
    public float[]? Grad { get; set; }

    /// <summary>Whether this tensor was made by an operation (not a leaf).</summary>
    public bool IsLeaf => BackwardStep is null;

    internal Tensor[] Parents { get; private set; } = NoParents;

    internal Action<float[]>? BackwardStep { get; private set; }

    /// <summary>Rows of a matrix (1 for a vector or scalar, which broadcast as one row).</summary>
    internal int Rows => Rank == 2 ? Shape[0] : 1;

    /// <summary>Columns of a matrix, length of a vector, 1 for a scalar.</summary>
    internal int Cols => Rank switch { 2 => Shape[1], 1 => Shape[0], _ => 1 };

    /// <summary>The single value of a one-element tensor (torch's item()).</summary>
    public float Item()
    {
        if (Count != 1) throw new InvalidOperationException($"Item() needs a one-element tensor, this one has shape [{string.Join(", ", Shape)}].");
        return Data[0];
    }

    /// <summary>
    /// Back-propagates from this one-element tensor: seeds d(this)/d(this) = 1 and adds d(this)/d(x) into the
    /// <see cref="Grad"/> of every tensor x it depends on that requires gradients.
    /// </summary>
    public void Backward()
    {
        if (Count != 1) throw new InvalidOperationException($"Backward() needs a one-element output (a loss), got shape [{string.Join(", ", Shape)}].");
        if (!RequiresGrad) throw new InvalidOperationException("Backward(): the output does not depend on any tensor that requires gradients.");
        GradBuffer()[0] += 1f;
        Tape.Backward(this);
    }

    /// <summary>The same values, cut from the graph: no gradient flows through the result (shares the data).</summary>
    public Tensor Detach() => new(Data, Shape);

    /// <summary>A copy of the values with the same shape, cut from the graph.</summary>
    public Tensor Clone() => new([.. Data], Shape);

    /// <summary>A leaf's gradient array that <see cref="ReleaseGrad"/> took away, reused zeroed by the next backward pass.</summary>
    private float[]? _spareGrad;

    /// <summary>
    /// The gradient buffer, allocated as zeros on first use: for a result from the step's <see cref="TensorArena"/>, for
    /// a leaf its released array (<see cref="ReleaseGrad"/>) or a new one.
    /// </summary>
    internal float[] GradBuffer()
    {
        if (Grad is not null) return Grad;
        if (!IsLeaf) return Grad = TensorArena.Take(Count);
        if (_spareGrad is { } spare)
        {
            _spareGrad = null;
            Array.Clear(spare);
            return Grad = spare;
        }
        return Grad = new float[Count];
    }

    /// <summary>
    /// Clears the gradient (<see cref="Grad"/> becomes null, as <c>zero_grad(set_to_none=True)</c>) and keeps its array
    /// for the next backward pass, which zeroes and reuses it: what optimizers' and modules' ZeroGrad call, so that
    /// training allocates no gradient arrays per step. An array read from <see cref="Grad"/> before is overwritten then.
    /// </summary>
    public void ReleaseGrad()
    {
        if (Grad is null) return;
        _spareGrad = Grad;
        Grad = null;
    }

    /// <summary>
    /// Where a backward step puts its contribution to this tensor's gradient: the gradient array with
    /// <c>Accumulate</c> true when one exists (add into it), else a new gradient array whose values are undefined with
    /// <c>Accumulate</c> false (the caller must write every value). Spares zeroing an array only to add into it.
    /// </summary>
    internal (float[] Grad, bool Accumulate) GradTarget()
    {
        if (Grad is not null) return (Grad, true);
        if (!IsLeaf) return (Grad = TensorArena.Take(Count, clear: false), false);
        if (_spareGrad is { } spare)
        {
            _spareGrad = null;
            return (Grad = spare, false);
        }
        return (Grad = new float[Count], false);
    }

    /// <summary>Adds <paramref name="gradient"/> (same length) into this tensor's gradient if it requires one.</summary>
    internal void AccumulateGrad(ReadOnlySpan<float> gradient)
    {
        if (!RequiresGrad) return;
        var (grad, accumulate) = GradTarget();
        if (accumulate) TensorPrimitives.Add(grad, gradient, grad);
        else gradient.CopyTo(grad);
    }

    /// <summary>
    /// The result of an operation: records <paramref name="backward"/> (given this result's gradient) when recording is
    /// on and an input requires gradients.
    /// </summary>
    internal static Tensor Result(float[] data, int[] shape, Tensor[] inputs, Action<float[]> backward)
    {
        var result = new Tensor(data, shape);
        if (!GradMode.IsEnabled) return result;
        foreach (var input in inputs)
        {
            if (!input.RequiresGrad) continue;
            result.RequiresGrad = true;
            result.Parents = inputs;
            result.BackwardStep = backward;
            break;
        }
        return result;
    }

    public override string ToString() => $"Tensor[{string.Join(", ", Shape)}]{(RequiresGrad ? " requires_grad" : "")}";
}
