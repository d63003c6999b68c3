using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Statistics;
using Pipelines.Transforms.Reduction;

namespace Pipelines.Transforms.Selection;

/// <summary>
/// Keeps the numeric features that score highest against a categorical label (classification) and drops the
/// other numeric candidates; other columns pass through. Ties go to the earlier column; a NaN score (a constant
/// feature under F) ranks last. Rows with a missing label are not used; missing feature values (NaN) are
/// refused at Fit with a DataValueException (put ImputeMissing first). The fitted step only drops columns, so at
/// Transform it does not read values and lets NaN through.
/// </summary>
/// <param name="Score">The score function.</param>
/// <param name="K">How many features to keep (all, if there are fewer); default 10 when <paramref name="Fraction"/> is null too.</param>
/// <param name="Fraction">Instead of K: keep ceiling(Fraction * candidates) features, Fraction in (0, 1].</param>
/// <param name="Columns">Numeric features to judge; null means every numeric feature.</param>
/// <param name="Neighbors">k of the mutual-information estimator (scikit-learn's default 3).</param>
public sealed record SelectKBest(
    FeatureScore Score = FeatureScore.FClassif,
    int? K = null,
    double? Fraction = null,
    IReadOnlyList<string>? Columns = null,
    int Neighbors = 3) : IEstimator<SelectedFeatures>
{
    private const string Step = nameof(SelectKBest);

    public DataSchema GetOutputSchema(DataSchema input)
    {
        var names = Resolve(input);
        if (input.Label is null) ThrowHelper.NeedsLabel(Step);
        if (input.Label.Kind != ColumnKind.Categorical) ThrowHelper.WrongKind(Step, input.Label.Name, input.Label.Kind, ColumnKind.Categorical);
        return SelectedFeatures.PartialSchema(input, names);
    }

    public SelectedFeatures Fit(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var names = Resolve(input.Schema);
        var label = ClassLabel.Read(Step, input);
        MissingValues.Refuse(Step, input, names);
        var scores = new double[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var values = label.Gather(input.Numeric(names[i]).Values);
            scores[i] = Score switch
            {
                FeatureScore.FClassif => FTest.OneWay(values, label.Classes, label.ClassCount),
                FeatureScore.MutualInformation => MutualInformation.ContinuousDiscrete(values, label.Classes, label.ClassCount, Neighbors),
                _ => throw new InvalidOperationException($"{Step}: unknown score function {Score}."),
            };
        }
        var count = Fraction is { } f ? (int)Math.Ceiling(f * names.Length) : K ?? 10;
        return new SelectedFeatures(names, scores, Ranking.Pick(names, Ranking.Top(scores, count)));
    }

    private string[] Resolve(DataSchema schema)
    {
        if (K is not null && Fraction is not null) ThrowHelper.BadOption(Step, nameof(K), K, "null when Fraction is set (give one or the other)");
        if (K is < 1) ThrowHelper.BadOption(Step, nameof(K), K, "at least 1");
        if (Fraction is { } f && !(f > 0 && f <= 1)) ThrowHelper.BadOption(Step, nameof(Fraction), f, "a fraction in (0, 1]");
        if (!Enum.IsDefined(Score)) ThrowHelper.BadOption(Step, nameof(Score), Score, "a FeatureScore");
        if (Neighbors < 1) ThrowHelper.BadOption(Step, nameof(Neighbors), Neighbors, "at least 1");
        return ColumnSelection.Resolve(Step, schema, Columns, ColumnKind.Numeric);
    }
}
