using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Statistics;

namespace Pipelines.Transforms.Selection;

/// <summary>
/// Drops numeric features whose population variance over non-missing values (numpy's nanvar) is at most
/// <paramref name="Threshold"/>; with the default 0 it drops constant columns. Unsupervised. Missing values are
/// ignored when computing the variance; a column with no present value has variance NaN and is dropped.
/// As scikit-learn's VarianceThreshold, except that dropping every candidate is allowed (other columns remain).
/// </summary>
/// <param name="Threshold">Features with variance &lt;= this go; must be &gt;= 0.</param>
/// <param name="Columns">Numeric features to judge; null means every numeric feature.</param>
public sealed record VarianceThreshold(double Threshold = 0, IReadOnlyList<string>? Columns = null) : IEstimator<SelectedFeatures>
{
    private const string Step = nameof(VarianceThreshold);

    public DataSchema GetOutputSchema(DataSchema input) => SelectedFeatures.PartialSchema(input, Resolve(input));

    public SelectedFeatures Fit(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var names = Resolve(input.Schema);
        var variances = names.Select(n => Moments.MeanVariance(input.Numeric(n).Values).Variance).ToArray();
        var kept = names.Where((_, i) => variances[i] > Threshold).ToArray();
        return new SelectedFeatures(names, variances, kept);
    }

    private string[] Resolve(DataSchema schema)
    {
        if (!(Threshold >= 0)) ThrowHelper.BadOption(Step, nameof(Threshold), Threshold, "a variance >= 0");
        return ColumnSelection.Resolve(Step, schema, Columns, ColumnKind.Numeric);
    }
}
