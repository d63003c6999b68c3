using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.Sampling;

/// <summary>
/// Reweights instead of resampling: while fitting, gives every training row the weight of its class and makes
/// that the frame's weight column, so learners that honour weights see balanced classes.
/// <list type="bullet">
/// <item><see cref="Weights"/> null ("balanced", as scikit-learn's <c>compute_class_weight</c>): w_c = n / (k · n_c)
/// with n labelled rows, k classes present, n_c rows of class c. Otherwise the given weight per class name;
/// classes not named get 1. Naming a class the label does not know is an error; naming a known class with no
/// rows in this data (a fold without it) is not.</item>
/// <item>Without a weight column, a numeric column <see cref="Name"/> is added and becomes the weight. With one,
/// its values are multiplied by the class weights in place (scikit-learn's sample_weight × class_weight), and
/// <see cref="Name"/> is not used.</item>
/// <item>Rows with a missing label keep weight 1 (or their existing weight).</item>
/// </list>
/// Weights are a training concern, so this is a training-only step (<see cref="ITrainingTransform"/>) like the
/// samplers: the fitted step is a <see cref="PassThrough"/>, and at Transform/predict time, label or no label,
/// the data passes through unchanged. Evaluating on held-out rows is therefore never silently reweighted.
/// </summary>
public sealed record ClassWeights : IEstimator<PassThrough>, ITrainingTransform
{
    /// <summary>Name of the weight column to add when the data has none (default "weight").</summary>
    public string Name { get; init; } = "weight";

    /// <summary>Weight per class name; null means "balanced".</summary>
    public IReadOnlyDictionary<string, double>? Weights { get; init; }

    /// <inheritdoc/>
    public DataSchema GetOutputSchema(DataSchema input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CheckOptions();
        if (input.Label is null) ThrowHelper.NeedsLabel(nameof(ClassWeights));
        if (input.Weight is not null) return input;
        if (input.Contains(Name))
            throw new SchemaException(
                $"{nameof(ClassWeights)}: the data already has a column '{Name}' that is not its weight column. " +
                $"Choose another {nameof(Name)}, or make that column the weight with DataFrame.WithWeight.");
        return new DataSchema([.. input.Columns, new ColumnSchema(Name, ColumnKind.Numeric, ColumnRole.Weight)]);
    }

    /// <summary>Checks the input and returns the pass-through (weights are only added by <see cref="FitTransform"/>).</summary>
    public PassThrough Fit(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        GetOutputSchema(input.Schema);
        Compute(Resampler.LabelOf(nameof(ClassWeights), input), Weights);
        return PassThrough.Instance;
    }

    /// <summary>The pass-through with the input reweighted by class.</summary>
    public FittedStep FitTransform(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        GetOutputSchema(input.Schema);
        var label = Resampler.LabelOf(nameof(ClassWeights), input);
        var perClass = Compute(label, Weights);
        var byCode = new float[label.Categories.Count];
        for (var c = 0; c < byCode.Length; c++) byCode[c] = perClass.TryGetValue(label.Categories[c], out var w) ? (float)w : 1f;
        var existing = input.Weight;
        var weights = existing?.ToArray() ?? Enumerable.Repeat(1f, input.RowCount).ToArray();
        var codes = label.Codes;
        for (var i = 0; i < weights.Length; i++) if (codes[i] != CategoricalColumn.Missing) weights[i] *= byCode[codes[i]];
        var output = existing is null
            ? input.With(new NumericColumn(Name, weights)).WithWeight(Name)
            : input.With(new NumericColumn(existing.Name, weights));
        return new FittedStep(PassThrough.Instance, output);
    }

    /// <summary>
    /// The weight of each class present in <paramref name="label"/>: balanced (n / (k · n_c)) when
    /// <paramref name="given"/> is null, else the given weights (classes not named: 1).
    /// </summary>
    public static IReadOnlyDictionary<string, double> Compute(CategoricalColumn label, IReadOnlyDictionary<string, double>? given = null)
    {
        ArgumentNullException.ThrowIfNull(label);
        var counts = label.CountPerCategory();
        var present = counts.Count(c => c > 0);
        var total = counts.Sum();
        if (present == 0)
            throw new DataValueException($"{nameof(ClassWeights)}: the label '{label.Name}' has no values; there is nothing to weight.");
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var c = 0; c < counts.Length; c++)
        {
            if (counts[c] == 0) continue;
            var name = label.Categories[c];
            result[name] = given is null ? (double)total / (present * counts[c]) : given.GetValueOrDefault(name, 1.0);
        }
        if (given is not null)
        {
            foreach (var name in given.Keys)
            {
                if (!label.Categories.Contains(name, StringComparer.Ordinal))
                    throw new DataValueException(
                        $"{nameof(ClassWeights)}: a weight is given for class '{name}', which label '{label.Name}' does not know. " +
                        $"Classes: {string.Join(", ", label.Categories.Select(k => $"'{k}'"))}.");
            }
        }
        return result;
    }

    private void CheckOptions()
    {
        if (string.IsNullOrWhiteSpace(Name)) ThrowHelper.BadOption(nameof(ClassWeights), nameof(Name), Name, "a column name");
        if (Weights is null) return;
        foreach (var (name, weight) in Weights)
        {
            if (!(weight >= 0) || double.IsInfinity(weight))
                ThrowHelper.BadOption(nameof(ClassWeights), $"{nameof(Weights)}['{name}']", weight, "a finite weight >= 0");
        }
    }
}
