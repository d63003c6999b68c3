using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Tuners;
using Pipelines.Core;
using Pipelines.Data;

namespace Pipelines.AutoML.Experiments;

/// <summary>
/// Runs one trial: for each fold of the plan, builds the trial's pipeline, fits it on the fold's training rows (a
/// stratified sample of them when the trial asks for fewer rows, its predictions then put back on the class shares of
/// all the fold's training rows: <see cref="SamplePriorShift"/>) and predicts the fold's validation rows. The
/// predictions land in one out-of-fold array over <see cref="ValidationPlan.ValidationRows"/> (averaged over the plan's
/// repeats, each repeat's models seeded with <see cref="ValidationPlan.ModelSeed"/>), so every trial is scored on the same rows.
/// A trial limited to fewer repeats (<see cref="TrialProgress.RepeatLimit"/>) averages over those it ran: each repeat
/// predicts every validation row once, so its predictions are complete after any whole repeat.
/// A first-fold model fitted before the search (<paramref name="prefit"/>) is used, once, by the first trial with its
/// parameters on all rows. Thread-safe: trials run on it concurrently.
/// </summary>
internal sealed class TrialEvaluator(DataFrame data, ExperimentTarget target, ValidationPlan plan, TrialScorer scorer, Func<Parameters, int, EstimatorChain> build, int seed,
    PrefitFold? prefit = null)
{
    /// <summary>
    /// Validation rows predicted at a time. The pipeline makes new columns (imputed, encoded, scaled) for the rows it
    /// predicts, and trials run side by side, so on large data a fold's validation rows in one pass would make each
    /// trial's memory grow with them; in passes it stays bounded whatever the data's size.
    /// </summary>
    internal const int PredictedRowsPerPass = 32_768;

    private PrefitFold? _prefit = prefit;

    /// <summary>
    /// Evaluates <paramref name="trial"/>, adding each finished fold's score to <paramref name="progress"/> as it goes
    /// (so a trial stopped midway still shows what it did), and ending after the last fold of the repeats it allows.
    /// Stops with <see cref="OperationCanceledException"/> when the ambient <see cref="TrainingContext"/> is cancelled.
    /// </summary>
    public TrialResult Evaluate(Trial trial, TrialProgress progress)
    {
        var width = target.Width;
        var outOfFold = new float[plan.ValidationRows.Count * width];
        var fraction = trial.SampleSize is int size ? Math.Min(1.0, (double)size / plan.RowCount) : 1.0;
        var repeats = 0;
        for (var f = 0; f < plan.Folds.Count; f++)
        {
            TrainingContext.ThrowIfCancelled();
            var fold = plan.Folds[f];
            var model = f == 0 && fraction == 1 ? TakePrefit(trial.Parameters) : null;
            double[]? priorShift = null;
            if (model is null)
            {
                var rows = fraction < 1 ? SampleSizeSchedule.SampleRows(data, fold.Train, Math.Max(2, (int)Math.Ceiling(fold.Train.Length * fraction)), seed + f) : fold.Train;
                var chain = build(trial.Parameters, plan.ModelSeed(seed, f));
                model = chain.Fit(data.Take(rows));
                if (target.IsClassification && rows.Length < fold.Train.Length && !SamplePriorShift.SetsClassShares(chain))
                    priorShift = SamplePriorShift.Factors(target.CodesOf(fold.Train), target.CodesOf(rows), width);
            }
            TrainingContext.ThrowIfCancelled();
            var predicted = new float[fold.Test.Length * width];
            for (var start = 0; start < fold.Test.Length; start += PredictedRowsPerPass)
            {
                var rows = fold.Test.AsSpan(start, Math.Min(PredictedRowsPerPass, fold.Test.Length - start));
                target.ReadPredictions(model.Transform(data.Take(rows)), predicted, start);
            }
            if (priorShift is not null) SamplePriorShift.Apply(predicted, priorShift);
            // Each repeat predicts every validation row once: the out-of-fold value is the average over the repeats run.
            for (var i = 0; i < fold.Test.Length; i++)
            {
                var into = outOfFold.AsSpan(plan.Position[fold.Test[i]] * width, width);
                var values = predicted.AsSpan(i * width, width);
                for (var j = 0; j < width; j++) into[j] += values[j];
            }
            progress.Add(scorer.Score(predicted, fold.Test));
            if ((f + 1) % plan.FoldsPerRepeat != 0) continue;
            repeats++;
            if (repeats >= progress.RepeatLimit) break;
        }
        if (repeats > 1)
            for (var i = 0; i < outOfFold.Length; i++) outOfFold[i] /= repeats;
        return new TrialResult(scorer.Score(outOfFold, plan.ValidationRows), outOfFold);
    }

    /// <summary>The prefitted first-fold model when it was fitted with <paramref name="parameters"/> and not used yet.</summary>
    private ITransformer? TakePrefit(Parameters parameters)
    {
        var held = Volatile.Read(ref _prefit);
        if (held is null || !held.Parameters.Equals(parameters)) return null;
        return Interlocked.CompareExchange(ref _prefit, null, held) == held ? held.Model : null;
    }
}

/// <summary>A finished evaluation: the metric on the pooled out-of-fold predictions, and those predictions.</summary>
internal sealed record TrialResult(double Score, float[] OutOfFold);
