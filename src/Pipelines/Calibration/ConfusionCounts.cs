namespace Pipelines.Calibration;

/// <summary>
/// A K×K confusion matrix of counts (row = actual, column = predicted) that tuners update one row at a time, and the
/// objective scored from it. Metrics follow <see cref="Evaluation.ClassificationMetrics"/> (scikit-learn's averages).
/// </summary>
internal sealed class ConfusionCounts
{
    private readonly long[] _counts;
    private readonly int _k;
    private long _total;

    public ConfusionCounts(int classCount)
    {
        _k = classCount;
        _counts = new long[classCount * classCount];
    }

    public static ConfusionCounts Of(ReadOnlySpan<int> actual, ReadOnlySpan<int> predicted, int classCount)
    {
        var counts = new ConfusionCounts(classCount);
        for (var i = 0; i < actual.Length; i++) counts.Add(actual[i], predicted[i]);
        return counts;
    }

    public void Add(int actual, int predicted)
    {
        _counts[actual * _k + predicted]++;
        _total++;
    }

    /// <summary>Moves one row of class <paramref name="actual"/> from predicted <paramref name="from"/> to <paramref name="to"/>.</summary>
    public void Move(int actual, int from, int to)
    {
        _counts[actual * _k + from]--;
        _counts[actual * _k + to]++;
    }

    /// <summary>The objective as reported: the metric, or the mean cost.</summary>
    public double Value(DecisionObjective objective, int positive) => objective.Kind switch
    {
        DecisionObjectiveKind.PositiveClassF1 => F1(positive),
        DecisionObjectiveKind.Cost => MeanCost(objective.Costs!),
        _ => objective.Metric switch
        {
            Evaluation.Metric.Accuracy => Accuracy(),
            Evaluation.Metric.BalancedAccuracy => BalancedAccuracy(),
            Evaluation.Metric.MacroF1 => MacroF1(),
            Evaluation.Metric.WeightedF1 => WeightedF1(),
            _ => throw new ArgumentException($"No decision objective for {objective.Metric}."),
        },
    };

    /// <summary>The objective as a number to maximize (cost negated).</summary>
    public double Score(DecisionObjective objective, int positive)
    {
        var value = Value(objective, positive);
        return objective.HigherIsBetter ? value : -value;
    }

    private long Cell(int actual, int predicted) => _counts[actual * _k + predicted];

    private long Support(int c)
    {
        long sum = 0;
        for (var j = 0; j < _k; j++) sum += Cell(c, j);
        return sum;
    }

    private long PredictedCount(int c)
    {
        long sum = 0;
        for (var i = 0; i < _k; i++) sum += Cell(i, c);
        return sum;
    }

    /// <summary>F1 = 2TP / (2TP + FP + FN), 0 when the class is neither present nor predicted correctly.</summary>
    private double F1(int c)
    {
        double tp = Cell(c, c);
        var denominator = Support(c) + PredictedCount(c);
        return tp == 0 ? 0 : 2 * tp / denominator;
    }

    private double Accuracy()
    {
        long hit = 0;
        for (var c = 0; c < _k; c++) hit += Cell(c, c);
        return (double)hit / _total;
    }

    private double BalancedAccuracy()
    {
        double sum = 0;
        var classes = 0;
        for (var c = 0; c < _k; c++)
        {
            var support = Support(c);
            if (support == 0) continue;
            sum += (double)Cell(c, c) / support;
            classes++;
        }
        return sum / classes;
    }

    private double MacroF1()
    {
        double sum = 0;
        var classes = 0;
        for (var c = 0; c < _k; c++)
        {
            if (Support(c) == 0 && PredictedCount(c) == 0) continue;
            sum += F1(c);
            classes++;
        }
        return sum / classes;
    }

    private double WeightedF1()
    {
        double sum = 0;
        for (var c = 0; c < _k; c++) sum += Support(c) * F1(c);
        return sum / _total;
    }

    private double MeanCost(CostMatrix costs)
    {
        double sum = 0;
        for (var a = 0; a < _k; a++)
        {
            for (var p = 0; p < _k; p++) sum += Cell(a, p) * costs[a, p];
        }
        return sum / _total;
    }
}
