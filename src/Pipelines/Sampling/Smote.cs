using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Statistics;

namespace Pipelines.Sampling;

/// <summary>
/// SMOTE (Chawla et al. 2002): each new row of a class starts from a random row x of that class, picks one of
/// x's <see cref="Neighbors"/> nearest rows of the same class nn (Euclidean distance over the numeric
/// features), and sets every numeric feature to x + u·(nn − x) with one u ~ U[0, 1) per new row.
/// <list type="bullet">
/// <item>Fewer neighbours are used when a class has fewer than <see cref="Neighbors"/> + 1 rows; a class that
/// needs new rows but has a single row is an error (there is nothing to interpolate towards; use
/// <see cref="RandomOverSample"/> for it).</item>
/// <item>Numeric features must be complete and finite (NaN is refused: put an imputer first). Categorical
/// features are refused: use <see cref="SmoteNc"/>. Text columns are copied from x.</item>
/// <item>A weight column is interpolated with the same u, so a new row's weight lies between its parents'.</item>
/// </list>
/// Features are used as they are: scale them first (ZScoreNormalize) when their units differ.
/// </summary>
public sealed record Smote : OverSampler
{
    /// <summary>How many nearest same-class neighbours to interpolate towards (k; default 5).</summary>
    public int Neighbors { get; init; } = 5;

    /// <inheritdoc/>
    protected override void ValidateOptions()
    {
        if (Neighbors < 1) ThrowHelper.BadOption(StepName, nameof(Neighbors), Neighbors, "at least 1");
    }

    /// <inheritdoc/>
    protected override void ValidateData(DataFrame input, ClassRows groups)
    {
        var categorical = FeatureData.CategoricalFeatures(input);
        if (categorical.Length > 0)
            throw new SchemaException(
                $"{StepName}: feature column '{categorical[0].Name}' is categorical, and plain SMOTE interpolates numeric features only. " +
                $"Use {nameof(SmoteNc)} for mixed numeric and categorical features, or encode or drop the column first.");
        var numeric = FeatureData.NumericFeatures(input);
        if (numeric.Length == 0)
            throw new SchemaException($"{StepName}: the data has no numeric feature to interpolate. Use {nameof(RandomOverSample)} instead.");
        FeatureData.RequireComplete(StepName, numeric);
    }

    /// <inheritdoc/>
    protected override DataFrame Synthesize(DataFrame input, ReadOnlySpan<int> classRows, int count, Random random)
    {
        var numeric = FeatureData.NumericFeatures(input);
        var k = SmoteCore.NeighborCount(StepName, input, classRows, Neighbors);
        var points = FeatureData.Gather(numeric, classRows);
        var neighbors = NearestNeighbors.Search(points, numeric.Length, k);
        return SmoteCore.Interpolate(input, classRows, numeric, neighbors, k, count, random, out _, out _);
    }
}
