using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Transforms.Selection;

namespace Pipelines.Tests.Transforms;

/// <summary>
/// A small real "learner" for SelectFromModel tests: each numeric feature's importance is its Pearson
/// correlation with the label (numeric label; for a categorical label, the largest |r| with a one-vs-rest
/// class indicator), over rows where both are present. 0 where undefined (a constant column).
/// </summary>
public sealed record CorrelationImportance : IEstimator<CorrelationModel>
{
    public DataSchema GetOutputSchema(DataSchema input) => input;

    public CorrelationModel Fit(DataFrame input)
    {
        if (input.Label is null) ThrowHelper.NeedsLabel(nameof(CorrelationImportance));
        var targets = Targets(input.Label);
        var importances = new List<FeatureImportance>();
        foreach (var column in input.Features.OfType<NumericColumn>())
        {
            var best = 0.0;
            foreach (var target in targets)
            {
                var r = Pearson(column.Values, target);
                if (Math.Abs(r) > Math.Abs(best)) best = r;
            }
            importances.Add(new FeatureImportance(column.Name, best));
        }
        return new CorrelationModel(importances);
    }

    private static List<double[]> Targets(Column label)
    {
        if (label is NumericColumn numeric) return [[.. numeric.Values.ToArray().Select(v => (double)v)]];
        var categorical = (CategoricalColumn)label;
        var result = new List<double[]>();
        for (var c = 0; c < categorical.Categories.Count; c++)
        {
            var indicator = new double[categorical.Length];
            for (var r = 0; r < indicator.Length; r++)
                indicator[r] = categorical[r] == CategoricalColumn.Missing ? double.NaN : categorical[r] == c ? 1 : 0;
            result.Add(indicator);
        }
        return result;
    }

    /// <summary>r = cov(x, y) / (sd(x) sd(y)) over pairs with neither missing; 0 when either is constant.</summary>
    internal static double Pearson(ReadOnlySpan<float> x, double[] y)
    {
        double sx = 0, sy = 0;
        var n = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (float.IsNaN(x[i]) || double.IsNaN(y[i])) continue;
            sx += x[i];
            sy += y[i];
            n++;
        }
        if (n < 2) return 0;
        double mx = sx / n, my = sy / n, sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (float.IsNaN(x[i]) || double.IsNaN(y[i])) continue;
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : 0;
    }
}

/// <summary>The fitted correlation scorer: passes data through and reports its correlations as importances.</summary>
public sealed class CorrelationModel(IReadOnlyList<FeatureImportance> importances) : IFeatureImportanceModel
{
    public IReadOnlyList<FeatureImportance> FeatureImportances { get; } = importances;

    public DataSchema GetOutputSchema(DataSchema input) => input;

    public DataFrame Transform(DataFrame input) => input;
}
