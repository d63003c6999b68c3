using Pipelines.Core;
using Pipelines.Data;

namespace Pipelines.Transforms.Selection;

/// <summary>
/// Model-based feature selection (scikit-learn's SelectFromModel): fits <paramref name="Model"/> on the candidate
/// columns with the label (and weight), ranks the candidates by |importance| (a linear model's coefficient
/// magnitude, a tree ensemble's gain) and keeps those the <paramref name="Threshold"/> selects; other columns pass
/// through. The model itself is not kept, only which columns survived and their |importance| as scores.
/// Missing values are whatever the model makes of them; the fitted step does not read values.
/// </summary>
/// <param name="Model">A learner whose fitted model reports <see cref="IFeatureImportanceModel.FeatureImportances"/>.</param>
/// <param name="Threshold">Which features to keep; null means <see cref="ImportanceThreshold.Mean"/> (scikit-learn's default).</param>
/// <param name="Columns">Numeric features to judge; null means every numeric feature.</param>
public sealed record SelectFromModel(
    IEstimator<IFeatureImportanceModel> Model,
    ImportanceThreshold? Threshold = null,
    IReadOnlyList<string>? Columns = null) : IEstimator<SelectedFeatures>
{
    private const string Step = nameof(SelectFromModel);

    public DataSchema GetOutputSchema(DataSchema input) =>
        SelectedFeatures.PartialSchema(input, ColumnSelection.Resolve(Step, input, Columns, ColumnKind.Numeric));

    public SelectedFeatures Fit(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(Model);
        var names = ColumnSelection.Resolve(Step, input.Schema, Columns, ColumnKind.Numeric);
        var seen = new HashSet<string>(names, StringComparer.Ordinal);
        // The model sees exactly the columns under judgement, so its importances cannot leak onto others.
        var training = input.WithColumns(input.Columns.Where(c =>
            seen.Contains(c.Name) || c.Name == input.LabelName || c.Name == input.WeightName));
        var model = Model.Fit(training);

        var magnitude = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var entry in model.FeatureImportances)
        {
            if (!seen.Contains(entry.Name)) continue;
            magnitude[entry.Name] = magnitude.GetValueOrDefault(entry.Name) + Math.Abs(entry.Importance);
        }
        var scores = names.Select(n => magnitude.GetValueOrDefault(n)).ToArray();
        var kept = (Threshold ?? ImportanceThreshold.Mean()).Select(scores);
        return new SelectedFeatures(names, scores, Ranking.Pick(names, kept));
    }
}
