using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Statistics;
using Pipelines.Transforms.Cleaning;
using Pipelines.Transforms.Encoding;
using Pipelines.Transforms.Normalization;

namespace Pipelines.AutoML.Student;

/// <summary>
/// The student's preprocessing, fitted on the training rows, with the decoder that inverts it. Every step has an ONNX
/// converter, and every step is invertible enough for <see cref="RawRowDecoder"/>:
/// <list type="number">
/// <item><see cref="ColumnDropper"/>: text columns, and columns with one value in every row (or missing in every row);</item>
/// <item><see cref="MissingImputer"/>: median for numbers, most frequent category, with a 0/1 indicator per column that had
/// missing values (so the decoder can put the missing value back);</item>
/// <item><see cref="SignedLog1p"/> on non-negative numeric columns with far outliers (max above Q3 + 3 IQR), which keeps
/// them from dominating the network's standardization, and inverts exactly;</item>
/// <item><see cref="OneHotEncoder"/> for categorical columns with at most <c>maxOneHot</c> categories;</item>
/// <item><see cref="LookupEncoder"/> (target encoding, fitted on all training rows) for wider ones such as cities, one
/// column per column (one per class for a multiclass label), so the width does not grow with the categories.</item>
/// </list>
/// </summary>
internal sealed class StudentPreprocessing
{
    private const string Step = "StudentBuilder";
    private const string IndicatorSuffix = "_missing";

    private StudentPreprocessing(TransformerChain chain, IReadOnlyList<string> features, RawRowDecoder decoder)
    {
        Chain = chain;
        Features = features;
        Decoder = decoder;
    }

    public TransformerChain Chain { get; }

    /// <summary>The numeric columns the chain outputs (the student's features), in order.</summary>
    public IReadOnlyList<string> Features { get; }

    public RawRowDecoder Decoder { get; }

    public static StudentPreprocessing Fit(DataFrame train, int maxOneHot, double smoothing, int seed)
    {
        var raw = train.Features.ToArray();
        var candidates = raw.Where(c => c.Kind != ColumnKind.Text).Select(c => c.Name).ToArray();
        // One value mixed with missing values still says something (whether it is missing), so only columns whose every
        // row is the same (all present or all missing) are dropped.
        var constant = (candidates.Length == 0 ? [] : new DropConstantColumns(Columns: candidates).Fit(train).Columns)
            .Where(n => train[n].MissingCount() is var m && (m == 0 || m == train.RowCount));
        var dropped = raw.Where(c => c.Kind == ColumnKind.Text).Select(c => c.Name).Concat(constant).ToHashSet(StringComparer.Ordinal);
        var kept = candidates.Where(n => !dropped.Contains(n)).ToArray();
        if (kept.Length == 0)
            throw new DataValueException($"{Step}: no numeric or categorical feature varies in the training rows, so a student has nothing to read. Check the training frame's columns.");

        var steps = new List<ITransformer>();
        var data = Apply(steps, new ColumnDropper([.. dropped]), train);
        var imputer = new ImputeMissing(NumericImputation.Median, CategoricalImputation.MostFrequent, AddIndicators: true, IndicatorSuffix: IndicatorSuffix, Columns: kept).Fit(data);
        data = Apply(steps, imputer, data);
        var numeric = kept.Where(n => train[n].Kind == ColumnKind.Numeric).ToArray();
        var logged = numeric.Where(n => HasFarOutliers(train.Numeric(n).Values)).ToHashSet(StringComparer.Ordinal);
        if (logged.Count > 0) data = Apply(steps, new SignedLog1p([.. numeric.Where(logged.Contains)]), data);
        var categorical = kept.Where(n => train[n].Kind == ColumnKind.Categorical).ToArray();
        var narrow = categorical.Where(n => Distinct(train.Categorical(n)) <= maxOneHot).ToArray();
        var wide = categorical.Where(n => !narrow.Contains(n)).ToArray();
        OneHotEncoder? oneHot = null;
        LookupEncoder? lookup = null;
        if (narrow.Length > 0) data = Apply(steps, oneHot = new OneHotEncode(Columns: narrow).Fit(data), data);
        if (wide.Length > 0) data = Apply(steps, lookup = new TargetEncode(smoothing, Seed: seed, Columns: wide).Fit(data), data);

        var features = data.Features.Select(c => c.Name).ToArray();
        var indicators = imputer.IndicatorSources.Zip(imputer.IndicatorNames).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        var recipes = raw.Select(column => Recipe(column, dropped, logged, oneHot, lookup, indicators.GetValueOrDefault(column.Name))).ToArray();
        return new StudentPreprocessing(new TransformerChain(steps), features, new RawRowDecoder(recipes));
    }

    private static DataFrame Apply(List<ITransformer> steps, ITransformer step, DataFrame data)
    {
        steps.Add(step);
        return step.Transform(data);
    }

    private static RawColumnRecipe Recipe(
        Column column, HashSet<string> dropped, HashSet<string> logged, OneHotEncoder? oneHot, LookupEncoder? lookup, string? indicator)
    {
        var name = column.Name;
        if (dropped.Contains(name)) return new ConstantRecipe(column);
        if (column is not CategoricalColumn categorical) return new NumericRecipe(name, logged.Contains(name), indicator);
        var dictionary = categorical.Categories.ToList();
        var i = oneHot is null ? -1 : oneHot.Columns.ToList().IndexOf(name);
        if (i >= 0)
        {
            var blockCodes = Codes(dictionary, oneHot!.Categories[i]);
            return new OneHotRecipe(name, oneHot.OutputNames(i), [.. dictionary], blockCodes, indicator);
        }
        var j = lookup!.Columns.ToList().IndexOf(name);
        var codes = Codes(dictionary, lookup.Categories[j]);
        return new LookupRecipe(name, lookup.Outputs[j], [.. lookup.Values[j]], [.. dictionary], codes, indicator);
    }

    // Codes of names in the training dictionary; a name it lacks (an imputation fill) is added to it.
    private static int[] Codes(List<string> dictionary, IReadOnlyList<string> names)
    {
        var codes = new int[names.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = dictionary.IndexOf(names[i]);
            if (codes[i] >= 0) continue;
            codes[i] = dictionary.Count;
            dictionary.Add(names[i]);
        }
        return codes;
    }

    private static int Distinct(CategoricalColumn column) => column.CountPerCategory().Count(n => n > 0);

    /// <summary>Non-negative values whose maximum lies beyond Q3 + 3 IQR (Tukey's far-out fence).</summary>
    internal static bool HasFarOutliers(ReadOnlySpan<float> values)
    {
        var sorted = Moments.SortedPresent(values);
        if (sorted.Length == 0 || sorted[0] < 0) return false;
        var q1 = Moments.Quantile(sorted, 0.25);
        var q3 = Moments.Quantile(sorted, 0.75);
        return sorted[^1] > q3 + 3 * (q3 - q1);
    }
}
