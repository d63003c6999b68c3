namespace Pipelines.Evaluation;

/// <summary>Metrics of numeric predictions, accumulated in double. Values must be finite (impute first).</summary>
public static class RegressionMetrics
{
    /// <summary>RMSE = √(Σ (yᵢ − ŷᵢ)² / n).</summary>
    public static double Rmse(ReadOnlySpan<float> actual, ReadOnlySpan<float> predicted)
    {
        Check(nameof(Rmse), actual, predicted);
        double sum = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var d = (double)actual[i] - predicted[i];
            sum += d * d;
        }
        return Math.Sqrt(sum / actual.Length);
    }

    /// <summary>MAE = Σ |yᵢ − ŷᵢ| / n.</summary>
    public static double Mae(ReadOnlySpan<float> actual, ReadOnlySpan<float> predicted)
    {
        Check(nameof(Mae), actual, predicted);
        double sum = 0;
        for (var i = 0; i < actual.Length; i++) sum += Math.Abs((double)actual[i] - predicted[i]);
        return sum / actual.Length;
    }

    /// <summary>
    /// R² = 1 − Σ (yᵢ − ŷᵢ)² / Σ (yᵢ − ȳ)². When actual is constant the ratio is undefined: R² is 1 for a perfect
    /// prediction and 0 otherwise (scikit-learn's r2_score with force_finite=True).
    /// </summary>
    public static double R2(ReadOnlySpan<float> actual, ReadOnlySpan<float> predicted)
    {
        Check(nameof(R2), actual, predicted);
        double mean = 0;
        foreach (var y in actual) mean += y;
        mean /= actual.Length;
        double residual = 0, spread = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var d = (double)actual[i] - predicted[i];
            residual += d * d;
            var e = actual[i] - mean;
            spread += e * e;
        }
        if (spread == 0) return residual == 0 ? 1 : 0;
        return 1 - residual / spread;
    }

    private static void Check(string metric, ReadOnlySpan<float> actual, ReadOnlySpan<float> predicted)
    {
        MetricGuard.SameLength(metric, actual.Length, predicted.Length, "predicted");
        MetricGuard.NotEmpty(metric, actual.Length);
        MetricGuard.Finite(metric, actual, "actual");
        MetricGuard.Finite(metric, predicted, "predicted");
    }
}
