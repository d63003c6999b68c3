namespace Pipelines.Trainers.Neural;

/// <summary>
/// Recycles the arrays of a training loop's steps. Inside <see cref="Step"/> the operations take the arrays of their
/// results, of their results' gradients and of their backward temporaries from the arena, and the end of the step
/// gives them all back, so each step reuses the previous step's arrays instead of allocating the whole graph's
/// activations and gradients anew (on large batches, large-object-heap arrays that only a full collection frees).
/// Arrays come back zeroed, as new ones are. Leaves (parameters, the tensors a caller wraps or <see cref="Torch"/>
/// makes) and their gradients never come from the arena, so parameters, their gradients and optimizer state outlive
/// every step.
/// <para>
/// What an operation makes inside a step must not be read after the step ends: read a loss with
/// <see cref="Tensor.Item"/> inside it, and copy (<see cref="Tensor.Clone"/>) what is kept. An arena serves the thread
/// that runs its steps; steps of one arena do not nest. Disposing the arena lets its arrays go.
/// </para>
/// </summary>
public sealed class TensorArena : IDisposable
{
    [ThreadStatic] private static TensorArena? current;

    private readonly Dictionary<int, Stack<float[]>> _free = [];
    private readonly List<float[]> _taken = [];
    private TensorArena? _outer;
    private bool _inStep;
    private bool _disposed;

    /// <summary>
    /// Starts a step on this thread: until the returned scope is disposed, operations on this thread take their arrays
    /// from this arena. Disposing the scope gives them back and restores the arena (if any) that was current before.
    /// </summary>
    public StepScope Step()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_inStep) throw new InvalidOperationException("TensorArena: a step of this arena is already running; end it before starting another.");
        _inStep = true;
        _outer = current;
        current = this;
        return new StepScope(this);
    }

    /// <summary>Gives the arena's arrays to the garbage collector; a step still running keeps its own until it ends.</summary>
    public void Dispose()
    {
        _disposed = true;
        _free.Clear();
    }

    /// <summary>
    /// An array of <paramref name="count"/> values from the current step's arena when one runs on this thread, else new:
    /// zeroed, unless <paramref name="clear"/> is false, for a caller that writes every value (a reused array then keeps
    /// the previous step's values, and clearing it would be a wasted pass).
    /// </summary>
    internal static float[] Take(int count, bool clear = true)
    {
        var arena = current;
        if (arena is null || count == 0) return new float[count];
        float[] array;
        if (arena._free.TryGetValue(count, out var stack) && stack.Count > 0)
        {
            array = stack.Pop();
            if (clear) Array.Clear(array);
        }
        else array = new float[count];
        arena._taken.Add(array);
        return array;
    }

    private void EndStep()
    {
        current = _outer;
        _outer = null;
        _inStep = false;
        if (!_disposed)
        {
            foreach (var array in _taken)
            {
                if (!_free.TryGetValue(array.Length, out var stack)) _free[array.Length] = stack = new Stack<float[]>();
                stack.Push(array);
            }
        }
        _taken.Clear();
    }

    /// <summary>One step of a <see cref="TensorArena"/>; disposing it ends the step.</summary>
    public readonly struct StepScope : IDisposable
    {
        private readonly TensorArena? _arena;

        internal StepScope(TensorArena arena) => _arena = arena;

        public void Dispose() => _arena?.EndStep();
    }
}
