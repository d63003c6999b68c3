namespace Pipelines.Evaluation;

/// <summary>
/// Metrics of predicted class codes against actual class codes. Codes are in [0, classCount); averages over
/// classes follow scikit-learn's defaults so numbers agree with it.
/// </summary>
public static class ClassificationMetrics
{
    /// <summary>
    /// Accuracy = Σ wᵢ·[actualᵢ = predictedᵢ] / Σ wᵢ, with wᵢ = 1 when <paramref name="weights"/> is empty.
    /// </summary>
    public static double Accuracy(ReadOnlySpan<int> actual, ReadOnlySpan<int> predicted, ReadOnlySpan<float> weights = default)
    {
        const string Name = nameof(Accuracy);
        MetricGuard.SameLength(Name, actual.Length, predicted.Length, "predicted");
        MetricGuard.NotEmpty(Name, actual.Length);
        MetricGuard.Weights(Name, weights, actual.Length);
        double hit = 0, total = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var w = weights.IsEmpty ? 1.0 : weights[i];
            total += w;
            if (actual[i] == predicted[i]) hit += w;
        }
        return hit / total;
    }

    /// <summary>
    /// Balanced accuracy = mean over classes with support &gt; 0 of recall_c = TP_c / support_c
    /// (scikit-learn's balanced_accuracy_score, adjusted=False).
    /// </summary>
    public static double BalancedAccuracy(ReadOnlySpan<int> actual, ReadOnlySpan<int> predicted, int classCount) =>
        BalancedAccuracy(ConfusionMatrix.Compute(actual, predicted, classCount));

    /// <inheritdoc cref="BalancedAccuracy(ReadOnlySpan{int}, ReadOnlySpan{int}, int)"/>
    public static double BalancedAccuracy(ConfusionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        MetricGuard.NotEmpty(nameof(BalancedAccuracy), matrix.Total);
        double sum = 0;
        var classes = 0;
        for (var c = 0; c < matrix.ClassCount; c++)
        {
            var support = matrix.Support(c);
            if (support == 0) continue;
            sum += (double)matrix[c, c] / support;
            classes++;
        }
        return sum / classes;
    }

    /// <summary>Precision, recall, F1 and support for every class code in [0, classCount).</summary>
    public static IReadOnlyList<ClassMetrics> PerClass(ConfusionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var result = new ClassMetrics[matrix.ClassCount];
        for (var c = 0; c < matrix.ClassCount; c++)
        {
            double tp = matrix[c, c];
            var support = matrix.Support(c);
            var predictedCount = matrix.PredictedCount(c);
            var precision = predictedCount == 0 ? 0 : tp / predictedCount;
            var recall = support == 0 ? 0 : tp / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            result[c] = new ClassMetrics(c, matrix.ClassNames[c], precision, recall, f1, support);
        }
        return result;
    }

    /// <summary>
    /// Macro F1 = mean of F1_c over the classes that occur in actual or predicted (scikit-learn's f1_score
    /// with average="macro" and no explicit labels); a class that never occurs does not drag the mean down.
    /// </summary>
    public static double MacroF1(ConfusionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        MetricGuard.NotEmpty(nameof(MacroF1), matrix.Total);
        var perClass = PerClass(matrix);
        double sum = 0;
        var classes = 0;
        for (var c = 0; c < perClass.Count; c++)
        {
            if (perClass[c].Support == 0 && matrix.PredictedCount(c) == 0) continue;
            sum += perClass[c].F1;
            classes++;
        }
        return sum / classes;
    }

    /// <summary>Weighted F1 = Σ_c support_c · F1_c / Σ_c support_c (scikit-learn's average="weighted").</summary>
    public static double WeightedF1(ConfusionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        MetricGuard.NotEmpty(nameof(WeightedF1), matrix.Total);
        double sum = 0;
        foreach (var c in PerClass(matrix)) sum += c.Support * c.F1;
        return sum / matrix.Total;
    }

    /// <summary>Macro F1 of predicted codes; see <see cref="MacroF1(ConfusionMatrix)"/>.</summary>
    public static double MacroF1(ReadOnlySpan<int> actual, ReadOnlySpan<int> predicted, int classCount) =>
        MacroF1(ConfusionMatrix.Compute(actual, predicted, classCount));

    /// <summary>Weighted F1 of predicted codes; see <see cref="WeightedF1(ConfusionMatrix)"/>.</summary>
    public static double WeightedF1(ReadOnlySpan<int> actual, ReadOnlySpan<int> predicted, int classCount) =>
        WeightedF1(ConfusionMatrix.Compute(actual, predicted, classCount));

    /// <summary>
    /// The most probable class of each row-major probability row; ties go to the lowest code (as numpy's argmax).
    /// </summary>
    public static int[] ArgMax(ReadOnlySpan<float> probabilities, int classCount)
    {
        var rows = MetricGuard.ProbabilityRows(nameof(ArgMax), probabilities, classCount);
        var result = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            var row = probabilities.Slice(r * classCount, classCount);
            var best = 0;
            for (var c = 1; c < classCount; c++) if (row[c] > row[best]) best = c;
            result[r] = best;
        }
        return result;
    }

    /// <inheritdoc cref="ArgMax(ReadOnlySpan{float}, int)"/>
    public static int[] ArgMax(float[,] probabilities)
    {
        var span = MetricGuard.RowMajor(probabilities, out var classCount);
        return ArgMax(span, classCount);
    }
}
