namespace Pipelines.Trainers.LinearModels;

/// <summary>
/// How a classifier weights the classes: <see cref="Balanced"/> (w_c = n / (k · n_c), as scikit-learn's
/// class_weight="balanced") or given weights per class name (classes not named get 1). The class weight multiplies each
/// row's sample weight (the frame's weight column, or 1). Computed by <see cref="Pipelines.Sampling.ClassWeights.Compute"/>.
/// </summary>
public sealed record ClassWeighting
{
    private ClassWeighting(IReadOnlyDictionary<string, double>? perClass) => PerClass = perClass;

    /// <summary>w_c = n / (k · n_c) over the labelled training rows.</summary>
    public static ClassWeighting Balanced { get; } = new((IReadOnlyDictionary<string, double>?)null);

    /// <summary>The given weight per class name; null when <see cref="Balanced"/>.</summary>
    public IReadOnlyDictionary<string, double>? PerClass { get; }

    /// <summary>Weights per class name (each finite and ≥ 0); classes not named get 1.</summary>
    public static ClassWeighting Of(IReadOnlyDictionary<string, double> perClass)
    {
        ArgumentNullException.ThrowIfNull(perClass);
        foreach (var (name, weight) in perClass)
        {
            if (!(weight >= 0) || double.IsInfinity(weight))
                throw new ArgumentException($"Class weight for '{name}' is {weight}; class weights must be finite and >= 0.", nameof(perClass));
        }
        return new ClassWeighting(new Dictionary<string, double>(perClass, StringComparer.Ordinal));
    }
}
