using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Ensembling;

/// <summary>
/// The running state of a selection and the metric of "the picks so far plus one candidate", computed in one pass that
/// averages as it goes and, where the metric allows, only over what it reads. The picks' sum is kept in
/// double, and each averaged value is rounded to float as a single model's output is: the same mixture reached by
/// different picks then scores bit for bit the same (a model picked k times averages to exactly itself), so rounding
/// noise never passes for an improvement.
/// </summary>
internal abstract class EnsembleScorer
{
    private readonly Func<float[], double> _metric;

    /// <param name="predictions">Each candidate's predictions, row-major.</param>
    /// <param name="rows">The number of rows.</param>
    /// <param name="metric">The library metric of one set of predictions.</param>
    protected EnsembleScorer(IReadOnlyList<float[]> predictions, int rows, Func<float[], double> metric)
    {
        Predictions = predictions;
        Rows = rows;
        Sum = new double[predictions[0].Length];
        _metric = metric;
    }

    /// <summary>Each candidate's predictions, row-major.</summary>
    public IReadOnlyList<float[]> Predictions { get; }

    public int Rows { get; }

    /// <summary>The element-wise sum of the picks so far.</summary>
    protected double[] Sum { get; }

    /// <summary>A scorer for <paramref name="metric"/> on class probabilities (<paramref name="classCount"/> per row).</summary>
    public static EnsembleScorer Classification(Metric metric, IReadOnlyList<float[]> predictions, int[] actual, int classCount)
    {
        Func<int[], double>? ofCodes = metric switch
        {
            Metric.Accuracy => p => ClassificationMetrics.Accuracy(actual, p),
            Metric.BalancedAccuracy => p => ClassificationMetrics.BalancedAccuracy(actual, p, classCount),
            Metric.MacroF1 => p => ClassificationMetrics.MacroF1(actual, p, classCount),
            Metric.WeightedF1 => p => ClassificationMetrics.WeightedF1(actual, p, classCount),
            _ => null,
        };
        if (ofCodes is not null)
        {
            return new LabelScorer(predictions, classCount, ofCodes, p => ofCodes(ClassificationMetrics.ArgMax(p, classCount)))
            {
                TieBreaker = new LogLossScorer(predictions, actual, classCount, p => ProbabilisticMetrics.LogLoss(actual, p, classCount)),
            };
        }
        return metric switch
        {
            Metric.LogLoss => new LogLossScorer(predictions, actual, classCount, p => ProbabilisticMetrics.LogLoss(actual, p, classCount)),
            Metric.RocAuc => new AverageScorer(predictions, actual.Length, p => RankingMetrics.RocAuc(actual, p, classCount)),
            Metric.PrAuc => new AverageScorer(predictions, actual.Length, p => RankingMetrics.AveragePrecision(actual, p, classCount)),
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Not a classification metric."),
        };
    }

    /// <summary>A scorer for <paramref name="metric"/> on one predicted value per row.</summary>
    public static EnsembleScorer Regression(Metric metric, IReadOnlyList<float[]> predictions, float[] actual) => metric switch
    {
        Metric.Rmse => new AverageScorer(predictions, actual.Length, p => RegressionMetrics.Rmse(actual, p)),
        Metric.Mae => new AverageScorer(predictions, actual.Length, p => RegressionMetrics.Mae(actual, p)),
        Metric.R2 => new AverageScorer(predictions, actual.Length, p => RegressionMetrics.R2(actual, p)),
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Not a regression metric."),
    };

    /// <summary>
    /// For metrics of the predicted class, which tie often on small data (a handful of rows decide them): the log loss
    /// of the same averages, which decides between candidates of equal metric (lower wins). Null for finer metrics.
    /// </summary>
    public EnsembleScorer? TieBreaker { get; private init; }

    /// <summary>The library metric of <paramref name="predictions"/>, as every other part of the library computes it.</summary>
    public double Evaluate(float[] predictions) => _metric(predictions);

    /// <summary>Adds <paramref name="candidate"/> to the picks.</summary>
    public virtual void Add(int candidate)
    {
        var p = Predictions[candidate];
        var sum = Sum;
        for (var i = 0; i < sum.Length; i++) sum[i] += p[i];
        TieBreaker?.Add(candidate);
    }

    /// <summary>
    /// The metric of (picks + <paramref name="candidate"/>) x <paramref name="scale"/>, scale being 1 / (picks + 1).
    /// <paramref name="scratch"/> belongs to the calling thread.
    /// </summary>
    public abstract double Score(int candidate, double scale, Scratch scratch);

    /// <summary>Working memory for one thread.</summary>
    public Scratch NewScratch() => new(Sum.Length, Rows);

    /// <summary>One averaged value, rounded to float as a model's output.</summary>
    protected float Average(int i, float[] candidate, double scale) => (float)((Sum[i] + candidate[i]) * scale);

    /// <summary>Every averaged value of (picks + <paramref name="candidate"/>) into <paramref name="into"/>, eight at a time where the hardware allows.</summary>
    protected void AverageInto(int candidate, double scale, float[] into)
    {
        var p = Predictions[candidate];
        var sum = Sum;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var pRef = ref MemoryMarshal.GetArrayDataReference(p);
            ref var sumRef = ref MemoryMarshal.GetArrayDataReference(sum);
            ref var intoRef = ref MemoryMarshal.GetArrayDataReference(into);
            var factor = Vector256.Create(scale);
            for (; i <= into.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var values = Vector256.LoadUnsafe(ref pRef, (nuint)i);
                var low = (Vector256.LoadUnsafe(ref sumRef, (nuint)i) + Vector256.WidenLower(values)) * factor;
                var high = (Vector256.LoadUnsafe(ref sumRef, (nuint)(i + Vector256<double>.Count)) + Vector256.WidenUpper(values)) * factor;
                Vector256.Narrow(low, high).StoreUnsafe(ref intoRef, (nuint)i);
            }
        }
        for (; i < into.Length; i++) into[i] = Average(i, p, scale);
    }

    /// <summary>Per-thread buffers: the averaged predictions and one class code per row.</summary>
    internal sealed class Scratch(int width, int rows)
    {
        public float[] Averaged { get; } = new float[width];
        public int[] Predicted { get; } = new int[rows];
    }
}
