namespace Pipelines.Trainers.Neural.Modules;

/// <summary>
/// Base of network layers (torch.nn.Module): named parameters, buffers (running statistics) and child modules, a
/// training/evaluation switch, and state save/load. Subclasses register what they own in their constructor and
/// implement <see cref="Forward"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "torch.nn.Module's name, which TorchSharp users expect.")]
public abstract class Module
{
    private readonly List<(string Name, Tensor Tensor)> parameters = [];
    private readonly List<(string Name, Tensor Tensor)> buffers = [];
    private readonly List<(string Name, Module Module)> children = [];

    /// <summary>True in training mode (dropout active, batch norm uses batch statistics).</summary>
    public bool Training { get; private set; } = true;

    public abstract Tensor Forward(Tensor input);

    /// <summary>Every trainable tensor, own first, then children's, in registration order.</summary>
    public IEnumerable<Tensor> Parameters() => NamedParameters().Select(p => p.Tensor);

    /// <summary>Parameters with dotted names ("0.weight").</summary>
    public IEnumerable<(string Name, Tensor Tensor)> NamedParameters() => Named(m => m.parameters);

    /// <summary>Non-trainable state (running mean and variance) with dotted names.</summary>
    public IEnumerable<(string Name, Tensor Tensor)> NamedBuffers() => Named(m => m.buffers);

    /// <summary>Sets training mode here and in every child; returns this.</summary>
    public Module Train(bool on = true)
    {
        Training = on;
        foreach (var (_, child) in children) child.Train(on);
        return this;
    }

    /// <summary>Evaluation mode: <c>Train(false)</c>.</summary>
    public Module Eval() => Train(false);

    /// <summary>Clears the gradients of every parameter.</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters()) p.ReleaseGrad();
    }

    /// <summary>A copy of every parameter and buffer by name.</summary>
    public StateDict StateDict() =>
        new([.. NamedParameters().Concat(NamedBuffers()).Select(e => new StateEntry(e.Name, [.. e.Tensor.Data], [.. e.Tensor.Shape]))]);

    /// <summary>Copies values from <paramref name="state"/> into the parameters and buffers of the same names and shapes.</summary>
    public void LoadStateDict(StateDict state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var targets = NamedParameters().Concat(NamedBuffers()).ToDictionary(e => e.Name, e => e.Tensor, StringComparer.Ordinal);
        if (targets.Count != state.Entries.Count)
            throw new ArgumentException($"LoadStateDict: the module has {targets.Count} tensors, the state has {state.Entries.Count}.", nameof(state));
        foreach (var entry in state.Entries)
        {
            if (!targets.TryGetValue(entry.Name, out var target))
                throw new ArgumentException($"LoadStateDict: the module has no tensor '{entry.Name}'.", nameof(state));
            if (!target.Shape.SequenceEqual(entry.Shape) || entry.Values.Length != target.Count)
                throw new ArgumentException($"LoadStateDict: '{entry.Name}' has shape [{string.Join(", ", target.Shape)}] here and [{string.Join(", ", entry.Shape)}] in the state.", nameof(state));
            entry.Values.CopyTo(target.Data, 0);
        }
    }

    protected Tensor RegisterParameter(string name, Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        tensor.RequiresGrad = true;
        parameters.Add((name, tensor));
        return tensor;
    }

    protected Tensor RegisterBuffer(string name, Tensor tensor)
    {
        buffers.Add((name, tensor));
        return tensor;
    }

    protected T RegisterModule<T>(string name, T module) where T : Module
    {
        children.Add((name, module));
        return module;
    }

    private IEnumerable<(string, Tensor)> Named(Func<Module, List<(string Name, Tensor Tensor)>> own)
    {
        foreach (var entry in own(this)) yield return entry;
        foreach (var (prefix, child) in children)
        {
            foreach (var (name, tensor) in child.Named(own)) yield return (prefix + "." + name, tensor);
        }
    }
}
