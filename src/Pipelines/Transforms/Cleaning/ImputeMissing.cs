using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Statistics;

namespace Pipelines.Transforms.Cleaning;

/// <summary>
/// Fills missing values (NaN, missing category) of numeric and categorical features with a value learned per column,
/// as scikit-learn's SimpleImputer with ML.NET's missing-indicator option. A fill value is learned for every chosen
/// column, so a column with no missing values at fit time is still filled when one turns up later.
/// <list type="bullet">
/// <item>Numeric: <see cref="NumericImputation"/>. For an all-missing column, mean, median and most-frequent fall back to 0.</item>
/// <item>Categorical: <see cref="CategoricalImputation"/>. For an all-missing column, most-frequent falls back to
/// <paramref name="CategoricalFill"/>. A fill that is not yet a category is added to the column's dictionary.</item>
/// </list>
/// With <paramref name="AddIndicators"/>, a numeric 0/1 column named source + <paramref name="IndicatorSuffix"/>
/// (1 where the value was missing) is appended for each column that had missing values at fit time; which ones is
/// only known after fitting, so the estimator's output schema is then partial. Text columns are not imputed.
/// </summary>
/// <param name="Numeric">Strategy for numeric columns.</param>
/// <param name="Categorical">Strategy for categorical columns.</param>
/// <param name="NumericFill">The fill for <see cref="NumericImputation.Constant"/>; must be finite.</param>
/// <param name="CategoricalFill">The fill for <see cref="CategoricalImputation.Constant"/> and the fallback for all-missing columns; not empty.</param>
/// <param name="AddIndicators">Append a missing-indicator column per column that had missing values at fit time.</param>
/// <param name="IndicatorSuffix">Appended to a column's name to name its indicator; not empty.</param>
/// <param name="Columns">Columns to impute; null means every numeric and categorical feature.</param>
public sealed record ImputeMissing(
    NumericImputation Numeric = NumericImputation.Mean,
    CategoricalImputation Categorical = CategoricalImputation.MostFrequent,
    float NumericFill = 0f,
    string CategoricalFill = "missing",
    bool AddIndicators = false,
    string IndicatorSuffix = "_missing",
    IReadOnlyList<string>? Columns = null) : IEstimator<MissingImputer>
{
    private static readonly ColumnKind[] Kinds = [ColumnKind.Numeric, ColumnKind.Categorical];

    /// <summary>The input schema; partial when indicators are on, as they depend on which columns have missing values.</summary>
    public DataSchema GetOutputSchema(DataSchema input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ColumnSelection.Resolve(nameof(ImputeMissing), input, Columns, Kinds);
        return AddIndicators ? input.AsPartial() : input;
    }

    public MissingImputer Fit(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ValidateOptions();
        var names = ColumnSelection.Resolve(nameof(ImputeMissing), input.Schema, Columns, Kinds);
        var numeric = new List<string>();
        var numericFills = new List<float>();
        var categorical = new List<string>();
        var categoricalFills = new List<string>();
        var indicatorSources = new List<string>();
        float[]? sortBuffer = null;
        foreach (var name in names)
        {
            var column = input[name];
            if (column is NumericColumn n)
            {
                numeric.Add(name);
                numericFills.Add(NumericFillFor(n.Values, ref sortBuffer));
            }
            else
            {
                categorical.Add(name);
                categoricalFills.Add(CategoricalFillFor((CategoricalColumn)column));
            }
            if (AddIndicators && column.MissingCount() > 0) indicatorSources.Add(name);
        }
        var indicatorNames = indicatorSources.Select(s => s + IndicatorSuffix).ToList();
        foreach (var indicator in indicatorNames)
        {
            if (input.Contains(indicator))
                throw new SchemaException(
                    $"{nameof(ImputeMissing)}: the missing-indicator column '{indicator}' would replace a column of that name. " +
                    $"Choose another {nameof(IndicatorSuffix)} than '{IndicatorSuffix}'.");
        }
        return new MissingImputer(numeric, numericFills, categorical, categoricalFills, indicatorSources, indicatorNames);
    }

    /// <param name="values">The column's values, NaN where missing.</param>
    /// <param name="sortBuffer">Reused across columns (allocated on first use): a sorted copy per column would be the
    /// data's numeric columns over again in garbage.</param>
    private float NumericFillFor(ReadOnlySpan<float> values, ref float[]? sortBuffer)
    {
        if (Numeric == NumericImputation.Constant) return NumericFill;
        if (Numeric == NumericImputation.Mean)
        {
            var (mean, _, count) = Moments.MeanStd(values);
            return count == 0 ? 0f : (float)mean;
        }
        sortBuffer ??= new float[values.Length];
        ReadOnlySpan<float> sorted = Moments.SortedPresent(values, sortBuffer);
        if (sorted.Length == 0) return 0f;
        return Numeric == NumericImputation.Median ? (float)Moments.Quantile(sorted, 0.5) : Frequency.Mode(sorted).Value;
    }

    private string CategoricalFillFor(CategoricalColumn column)
    {
        if (Categorical == CategoricalImputation.Constant) return CategoricalFill;
        var (code, _, _) = Frequency.Mode(column.Codes, column.Categories.Count);
        return code < 0 ? CategoricalFill : column.Categories[code];
    }

    private void ValidateOptions()
    {
        if (!Enum.IsDefined(Numeric))
            ThrowHelper.BadOption(nameof(ImputeMissing), nameof(Numeric), Numeric, "Mean, Median, MostFrequent or Constant");
        if (!Enum.IsDefined(Categorical))
            ThrowHelper.BadOption(nameof(ImputeMissing), nameof(Categorical), Categorical, "MostFrequent or Constant");
        if (!float.IsFinite(NumericFill))
            ThrowHelper.BadOption(nameof(ImputeMissing), nameof(NumericFill), NumericFill, "a finite number");
        if (string.IsNullOrEmpty(CategoricalFill))
            ThrowHelper.BadOption(nameof(ImputeMissing), nameof(CategoricalFill), CategoricalFill, "a non-empty category name");
        if (string.IsNullOrWhiteSpace(IndicatorSuffix))
            ThrowHelper.BadOption(nameof(ImputeMissing), nameof(IndicatorSuffix), IndicatorSuffix, "a non-empty suffix such as \"_missing\"");
    }
}
