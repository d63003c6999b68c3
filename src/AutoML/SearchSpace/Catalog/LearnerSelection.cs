namespace Pipelines.AutoML.SearchSpace;

/// <summary>
/// Learners chosen by name, as `pipelines automl --learners` takes them: a comma-separated list of learner names
/// (<see cref="SearchSpaceCatalog.ProjectLearners"/> and <see cref="SearchSpaceCatalog.MLNetLearners"/>) and group
/// names: <c>mlnet</c> for every ML.NET trainer, <c>default</c> for <see cref="SearchSpaceCatalog.DefaultLearners"/>.
/// Order is kept and repeats are dropped.
/// </summary>
public static class LearnerSelection
{
    /// <summary>The group of ML.NET's trainers.</summary>
    public const string MLNetGroup = "mlnet";

    /// <summary>The group of the default learners.</summary>
    public const string DefaultGroup = "default";

    /// <summary>Every learner that can be named, the project's first.</summary>
    public static IReadOnlyList<ILearnerSpace> Known { get; } = [.. SearchSpaceCatalog.ProjectLearners, .. SearchSpaceCatalog.MLNetLearners];

    /// <summary>The learners <paramref name="names"/> asks for; an unknown or empty name is an error listing what is known.</summary>
    public static IReadOnlyList<ILearnerSpace> Parse(string names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var chosen = new List<ILearnerSpace>();
        foreach (var raw in names.Split(','))
        {
            var name = raw.Trim().ToLowerInvariant();
            IEnumerable<ILearnerSpace> found = name switch
            {
                MLNetGroup => SearchSpaceCatalog.MLNetLearners,
                DefaultGroup => SearchSpaceCatalog.DefaultLearners,
                _ => Known.Where(l => l.Name == name).ToArray() is { Length: 1 } one ? one : throw Unknown(raw, names),
            };
            chosen.AddRange(found.Where(l => !chosen.Contains(l)));
        }
        return chosen;
    }

    private static SearchSpaceException Unknown(string name, string names) =>
        new($"'{name.Trim()}' in learners '{names}' is not a learner; known: {string.Join(", ", Known.Select(l => l.Name))}, " +
            $"or the groups '{MLNetGroup}' (ML.NET's trainers) and '{DefaultGroup}'.");
}
