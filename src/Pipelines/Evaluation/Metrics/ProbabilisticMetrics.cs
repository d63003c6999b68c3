namespace Pipelines.Evaluation;

/// <summary>Metrics of predicted class probabilities.</summary>
public static class ProbabilisticMetrics
{
    /// <summary>The clip bound ε: probabilities are clipped to [ε, 1 − ε] so log loss stays finite.</summary>
    public const double Epsilon = 1e-15;

    /// <summary>
    /// Log loss = Σᵢ wᵢ·(−ln p̂ᵢ,actualᵢ) / Σᵢ wᵢ, where each row is first clipped to [1e-15, 1 − 1e-15] and then
    /// divided by its sum (scikit-learn's log_loss with eps=1e-15), so rows need not sum to exactly 1.
    /// Probabilities are row-major, <paramref name="classCount"/> per row; weights are optional.
    /// </summary>
    public static double LogLoss(ReadOnlySpan<int> actual, ReadOnlySpan<float> probabilities, int classCount, ReadOnlySpan<float> weights = default)
    {
        const string Name = nameof(LogLoss);
        var rows = MetricGuard.ProbabilityRows(Name, probabilities, classCount);
        MetricGuard.SameLength(Name, actual.Length, rows, "probability rows");
        MetricGuard.NotEmpty(Name, rows);
        MetricGuard.Codes(Name, actual, classCount, "actual");
        MetricGuard.Weights(Name, weights, rows);
        double loss = 0, total = 0;
        for (var r = 0; r < rows; r++)
        {
            var row = probabilities.Slice(r * classCount, classCount);
            double sum = 0;
            foreach (var p in row) sum += Clip(p);
            var w = weights.IsEmpty ? 1.0 : weights[r];
            loss -= w * Math.Log(Clip(row[actual[r]]) / sum);
            total += w;
        }
        return loss / total;
    }

    /// <inheritdoc cref="LogLoss(ReadOnlySpan{int}, ReadOnlySpan{float}, int, ReadOnlySpan{float})"/>
    public static double LogLoss(ReadOnlySpan<int> actual, float[,] probabilities, ReadOnlySpan<float> weights = default) =>
        LogLoss(actual, MetricGuard.RowMajor(probabilities, out var classCount), classCount, weights);

    private static double Clip(float p) => Math.Clamp(p, Epsilon, 1 - Epsilon);
}
