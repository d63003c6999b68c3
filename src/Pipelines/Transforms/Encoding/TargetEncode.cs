using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Evaluation;

namespace Pipelines.Transforms.Encoding;

/// <summary>
/// Target (m-estimate) encoding: replaces each categorical feature by the smoothed mean of the label within its
/// category, (sum + m * prior) / (n + m), where n is the category's labeled training rows, sum their targets and
/// prior the target's mean over all labeled rows. Targets: a numeric label's value; for a binary label, 1 for the
/// positive class (<paramref name="PositiveClass"/>, or the class whose name sorts last, e.g. "yes" over "no")
/// else 0; for a multiclass label, one output per class named "col=>class" (classes in name order) holding the
/// smoothed share of that class, unless <paramref name="PositiveClass"/> picks a single class.
/// A single output keeps the source column's name and position; several take its position.
/// Unseen and missing categories get the prior. Rows with a missing label are not counted. Weights are not used.
/// <para>
/// While fitting a chain (<see cref="FitTransform"/>) each training row is encoded out of fold, with statistics
/// (prior included) from the other <paramref name="Folds"/> - 1 folds of <see cref="Split.StratifiedKFold"/>, so the
/// next step does not learn from the row's own label. The fitted transformer uses statistics from all training rows.
/// </para>
/// </summary>
/// <param name="Smoothing">m, the weight of the prior in rows; 0 gives plain category means.</param>
/// <param name="Folds">Folds for out-of-fold training output; at least 2, and at most the number of rows.</param>
/// <param name="Seed">Seed of the fold assignment.</param>
/// <param name="PositiveClass">For a categorical label, the class whose share is encoded (one output); null as described above.</param>
/// <param name="Columns">Columns to encode; null means every categorical feature.</param>
public sealed record TargetEncode(
    double Smoothing = 10,
    int Folds = 5,
    int Seed = 0,
    string? PositiveClass = null,
    IReadOnlyList<string>? Columns = null) : IEstimator<LookupEncoder>, ITrainingTransform
{
    /// <summary>Exact when the output count is known (numeric label, or a positive class given); else partial, since the classes come from the data.</summary>
    public DataSchema GetOutputSchema(DataSchema input)
    {
        var names = ColumnSelection.Resolve(nameof(TargetEncode), input, Columns, ColumnKind.Categorical);
        var label = input.Label;
        if (label is null) ThrowHelper.NeedsLabel(nameof(TargetEncode));
        if (label.Kind == ColumnKind.Text) ThrowHelper.WrongKind(nameof(TargetEncode), label.Name, label.Kind, ColumnKind.Categorical);
        return label.Kind == ColumnKind.Numeric || PositiveClass is not null
            ? EncodedOutput.Replace(input, names, i => [names[i]])
            : EncodedOutput.WithoutSources(input, names);
    }

    /// <summary>Learns from all training rows. Use <see cref="FitTransform"/> to also get out-of-fold training output.</summary>
    public LookupEncoder Fit(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (names, target) = Prepare(input);
        var all = Enumerable.Range(0, input.RowCount).ToArray();
        var outputs = new IReadOnlyList<string>[names.Length];
        var categories = new IReadOnlyList<string>[names.Length];
        var values = new IReadOnlyList<float>[names.Length];
        var priors = new IReadOnlyList<float>[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var column = input.Categorical(names[i]);
            var stats = TargetStatistics.Accumulate(column.Codes, column.Categories.Count, target.Values, all);
            // Only categories with labeled rows are learned; any other gets the prior, as an unseen one does.
            var learned = Enumerable.Range(0, column.Categories.Count).Where(c => stats.Count(c) > 0)
                .OrderBy(c => column.Categories[c], StringComparer.Ordinal).ToArray();
            outputs[i] = target.OutputNames(names[i]);
            categories[i] = [.. learned.Select(c => column.Categories[c])];
            values[i] = [.. learned.SelectMany(c => Enumerable.Range(0, target.Count).Select(j => (float)stats.Encode(c, j, Smoothing)))];
            priors[i] = [.. Enumerable.Range(0, target.Count).Select(j => (float)stats.Prior(j))];
        }
        return new LookupEncoder(names, outputs, categories, values, priors, priors);
    }

    /// <summary>The encoder fitted on all rows, with the training rows encoded out of fold.</summary>
    public FittedStep FitTransform(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (names, target) = Prepare(input);
        if (input.RowCount < Folds) ThrowHelper.TooFewRows(nameof(TargetEncode), input.RowCount, Folds);
        var folds = Split.StratifiedKFold(input, Folds, Seed);
        var encoded = new NumericColumn[names.Length][];
        for (var i = 0; i < names.Length; i++) encoded[i] = OutOfFold(input.Categorical(names[i]), target, folds);
        return new FittedStep(Fit(input), EncodedOutput.Replace(input, names, i => encoded[i]));
    }

    private NumericColumn[] OutOfFold(CategoricalColumn column, EncodingTarget target, IReadOnlyList<Fold> folds)
    {
        var codes = column.Codes;
        var result = new float[target.Count][];
        for (var j = 0; j < result.Length; j++) result[j] = new float[codes.Length];
        foreach (var fold in folds)
        {
            var stats = TargetStatistics.Accumulate(codes, column.Categories.Count, target.Values, fold.Train);
            foreach (var row in fold.Test)
            {
                // A category absent from the other folds has count 0, so it gets the fold's prior, as unseen ones do.
                for (var j = 0; j < result.Length; j++) result[j][row] = (float)stats.Encode(codes[row], j, Smoothing);
            }
        }
        var names = target.OutputNames(column.Name);
        return [.. names.Select((n, j) => new NumericColumn(n, result[j]))];
    }

    private (string[] Names, EncodingTarget Target) Prepare(DataFrame input)
    {
        const string step = nameof(TargetEncode);
        if (!(Smoothing >= 0) || double.IsInfinity(Smoothing)) ThrowHelper.BadOption(step, nameof(Smoothing), Smoothing, "a finite number of at least 0");
        if (Folds < 2) ThrowHelper.BadOption(step, nameof(Folds), Folds, "at least 2");
        if (input.Label is null) ThrowHelper.NeedsLabel(step);
        var names = ColumnSelection.Resolve(step, input.Schema, Columns, ColumnKind.Categorical);
        return (names, EncodingTarget.From(step, input, PositiveClass));
    }
}
