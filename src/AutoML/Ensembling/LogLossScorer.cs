using Pipelines.Evaluation;

namespace Pipelines.AutoML.Ensembling;

/// <summary>
/// Log loss in one pass over the rows, not the values: a row's loss needs only the averaged probability of its actual
/// class and the averaged row total, and each candidate's row totals are summed once up front. It is
/// <see cref="ProbabilisticMetrics.LogLoss(ReadOnlySpan{int}, ReadOnlySpan{float}, int, ReadOnlySpan{float})"/> of the
/// averaged probabilities (clip to [ε, 1 − ε], divide by the row total) except for the total, which is the average of
/// the members' totals rounded to float rather than the sum of the clipped averaged values: the two differ in the last
/// float digits only, and the final score is recomputed with the library metric.
/// </summary>
internal sealed class LogLossScorer : EnsembleScorer
{
    private readonly int[] _actual;
    private readonly int _classCount;
    private readonly double[][] _rowTotals;
    private readonly double[] _pickedTotals;

    public LogLossScorer(IReadOnlyList<float[]> predictions, int[] actual, int classCount, Func<float[], double> metric)
        : base(predictions, actual.Length, metric)
    {
        _actual = actual;
        _classCount = classCount;
        _pickedTotals = new double[actual.Length];
        _rowTotals = new double[predictions.Count][];
        for (var c = 0; c < predictions.Count; c++)
        {
            var p = predictions[c];
            var totals = _rowTotals[c] = new double[actual.Length];
            for (var r = 0; r < totals.Length; r++)
            {
                double total = 0;
                for (var k = 0; k < classCount; k++) total += p[r * classCount + k];
                totals[r] = total;
            }
        }
    }

    public override void Add(int candidate)
    {
        base.Add(candidate);
        var totals = _rowTotals[candidate];
        for (var r = 0; r < totals.Length; r++) _pickedTotals[r] += totals[r];
    }

    public override double Score(int candidate, double scale, Scratch scratch)
    {
        var p = Predictions[candidate];
        var totals = _rowTotals[candidate];
        var floor = _classCount * ProbabilisticMetrics.Epsilon;
        double loss = 0;
        for (var r = 0; r < _actual.Length; r++)
        {
            var own = Math.Clamp(Average(r * _classCount + _actual[r], p, scale), ProbabilisticMetrics.Epsilon, 1 - ProbabilisticMetrics.Epsilon);
            var total = Math.Max((float)((_pickedTotals[r] + totals[r]) * scale), floor);
            loss -= Math.Log(own / total);
        }
        return loss / _actual.Length;
    }
}
