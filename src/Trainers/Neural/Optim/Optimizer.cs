namespace Pipelines.Trainers.Neural.Optim;

/// <summary>
/// Base of optimizers (torch.optim.Optimizer, tinygrad's shape): owns the parameter list, the step count,
/// <see cref="Step"/> and <see cref="ZeroGrad"/>; a subclass implements only <see cref="Update"/>, the rule for one parameter.
/// </summary>
public abstract class Optimizer
{
    private readonly Tensor[] parameters;

    protected Optimizer(IEnumerable<Tensor> parameters, float learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        this.parameters = [.. parameters];
        if (this.parameters.Length == 0) throw new ArgumentException("The optimizer got an empty parameter list.", nameof(parameters));
        LearningRate = learningRate;
    }

    public IReadOnlyList<Tensor> Parameters => parameters;

    /// <summary>The current learning rate (schedules change it between steps).</summary>
    public float LearningRate
    {
        get;
        set
        {
            if (!(value >= 0) || float.IsInfinity(value)) throw new ArgumentOutOfRangeException(nameof(LearningRate), value, "The learning rate must be finite and not negative.");
            field = value;
        }
    }

    /// <summary>Steps taken so far.</summary>
    public int StepCount { get; private set; }

    /// <summary>Updates every parameter that has a gradient.</summary>
    public void Step()
    {
        StepCount++;
        for (var i = 0; i < parameters.Length; i++)
        {
            var grad = parameters[i].Grad;
            if (grad is null) continue;
            Update(i, parameters[i].Data, grad);
        }
    }

    /// <summary>Clears every parameter's gradient.</summary>
    public void ZeroGrad()
    {
        foreach (var p in parameters) p.ReleaseGrad();
    }

    /// <summary>Applies the rule to parameter <paramref name="index"/> given its gradient (<see cref="StepCount"/> is already advanced).</summary>
    protected abstract void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient);

    /// <summary>Per-parameter state buffers (momentum, moments), zero at first use.</summary>
    protected float[][] StateBuffers() => [.. parameters.Select(p => new float[p.Count])];

    protected static void Require(bool condition, string name, float value, string expected)
    {
        if (!condition) throw new ArgumentOutOfRangeException(name, value, $"Invalid {name}: {value}; expected {expected}.");
    }
}
