namespace Pipelines.Trainers.Neural.Modules;

/// <summary>One named tensor of a module's state: values row-major and the shape.</summary>
public sealed record StateEntry(string Name, float[] Values, int[] Shape);

/// <summary>A module's parameters and buffers by name (torch's state_dict); a plain record that System.Text.Json round-trips.</summary>
public sealed record StateDict(IReadOnlyList<StateEntry> Entries)
{
    /// <summary>The entry called <paramref name="name"/>.</summary>
    public StateEntry this[string name] => Entries.FirstOrDefault(e => e.Name == name)
        ?? throw new KeyNotFoundException($"The state has no tensor '{name}'.");
}
