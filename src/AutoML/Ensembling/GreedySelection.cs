using System.Runtime.ExceptionServices;
using Pipelines.Core;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Ensembling;

/// <summary>The selection loop of <see cref="EnsembleSelection"/>, on inputs already checked.</summary>
internal static class GreedySelection
{
    // Below this many predicted values per step, scoring in parallel costs more than it saves.
    private const long ParallelThreshold = 1 << 16;

    public static EnsembleSelectionResult Run(EnsembleScorer scorer, Metric metric, int size, SelectionBudget? budget = null)
    {
        var n = scorer.Predictions.Count;
        var scores = new double[n];
        var picked = new bool[n];
        var eligible = Enumerable.Repeat(true, n).ToArray();
        var spent = 0.0;
        var picks = new int[size];
        var trajectory = new double[size];
        var tieBreaks = new double[size];
        var keep = 1;
        for (var step = 0; step < size; step++)
        {
            TrainingContext.ThrowIfCancelled();
            var scale = 1.0 / (step + 1);
            ScoreAll(scorer, scale, scores);
            // A candidate whose cost no longer fits cannot be picked; the inputs' check guarantees one fits at step 1.
            if (budget is not null)
            {
                for (var c = 0; c < n; c++) eligible[c] = picked[c] || spent + budget.Costs[c] <= budget.Limit;
            }
            var (pick, tieBreak) = Best(metric, scores, eligible, scorer.TieBreaker, scale);
            if (!picked[pick]) spent += budget?.Costs[pick] ?? 0;
            picked[pick] = true;
            scorer.Add(pick);
            picks[step] = pick;
            trajectory[step] = scores[pick];
            tieBreaks[step] = tieBreak;
            if (step > 0 && Better(metric, scores[pick], tieBreak, trajectory[keep - 1], tieBreaks[keep - 1])) keep = step + 1;
        }

        var weights = new double[n];
        for (var i = 0; i < keep; i++) weights[picks[i]] += 1;
        for (var c = 0; c < n; c++) weights[c] /= keep;
        // The reported scores are the library metric's, of the average a WeightedEnsemble with these weights computes.
        var single = scorer.Evaluate(scorer.Predictions[picks[0]]);
        var score = keep == 1 ? single : scorer.Evaluate(WeightedAverage(scorer.Predictions, weights));
        var beats = metric.IsBetter(score, single) || (score == single && keep > 1 && tieBreaks[keep - 1] < tieBreaks[0]);
        return new EnsembleSelectionResult(weights, score, picks[0], single, beats, picks[..keep], trajectory);
    }

    /// <summary>Σ w_c p_c accumulated in double, rounded to float.</summary>
    private static float[] WeightedAverage(IReadOnlyList<float[]> predictions, double[] weights)
    {
        var sum = new double[predictions[0].Length];
        for (var c = 0; c < predictions.Count; c++)
        {
            if (weights[c] == 0) continue;
            var p = predictions[c];
            for (var i = 0; i < sum.Length; i++) sum[i] += weights[c] * p[i];
        }
        var result = new float[sum.Length];
        for (var i = 0; i < sum.Length; i++) result[i] = (float)sum[i];
        return result;
    }

    /// <summary>
    /// The eligible index of the best score and its tie-break value (NaN without a tie-breaker); among equal scores the
    /// lowest tie-break value, then the lowest index; NaN never wins.
    /// </summary>
    private static (int Pick, double TieBreak) Best(Metric metric, double[] scores, bool[] eligible, EnsembleScorer? tieBreaker, double scale)
    {
        var best = Array.IndexOf(eligible, true);
        for (var c = best + 1; c < scores.Length; c++) if (eligible[c] && metric.IsBetter(scores[c], scores[best])) best = c;
        if (tieBreaker is null) return (best, double.NaN);
        var scratch = tieBreaker.NewScratch();
        var lowest = tieBreaker.Score(best, scale, scratch);
        for (var c = best + 1; c < scores.Length; c++)
        {
            if (!eligible[c] || scores[c] != scores[best]) continue;
            var value = tieBreaker.Score(c, scale, scratch);
            if (value < lowest) (best, lowest) = (c, value);
        }
        return (best, lowest);
    }

    /// <summary>Better in the metric, or equal in it and lower in the tie-break (NaN compares false: no tie-breaker).</summary>
    private static bool Better(Metric metric, double score, double tieBreak, double than, double thanTieBreak) =>
        metric.IsBetter(score, than) || (score == than && tieBreak < thanTieBreak);

    /// <summary>Every candidate's score as the next pick; each score depends only on its candidate, so threads do not change it.</summary>
    private static void ScoreAll(EnsembleScorer scorer, double scale, double[] scores)
    {
        var n = scores.Length;
        var threads = TrainingContext.MaxThreads;
        if (threads == 1 || n == 1 || (long)n * scorer.Predictions[0].Length < ParallelThreshold)
        {
            var scratch = scorer.NewScratch();
            for (var c = 0; c < n; c++) scores[c] = scorer.Score(c, scale, scratch);
            return;
        }
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = TrainingContext.Cancellation };
        try
        {
            Parallel.For(0, n, options, scorer.NewScratch,
                (c, _, scratch) =>
                {
                    scores[c] = scorer.Score(c, scale, scratch);
                    return scratch;
                },
                _ => { });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }
}
