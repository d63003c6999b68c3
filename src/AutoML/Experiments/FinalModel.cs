using System.Diagnostics;
using Pipelines.AutoML.Ensembling;
using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Store;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Ensembles;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Experiments;

/// <summary>
/// After the search: selects an ensemble from the kept out-of-fold predictions (used only when it beats the best
/// single trial out of fold and its refit fits in the time left) and refits the chosen pipelines on all training rows,
/// so the final model is never one fold's model.
/// </summary>
internal sealed class FinalModel(
    ExperimentOptions options,
    DataFrame frame,
    ExperimentTarget target,
    Metric metric,
    Func<Parameters, int, EstimatorChain> build,
    TrialBook book,
    Stopwatch clock,
    int folds,
    IReadOnlyList<int> validationRows,
    Action<ExperimentEvent>? onEvent)
{
    public sealed record Fitted(ITransformer Model, ITransformer BestModel, EnsembleSummary? Ensemble, float[] OutOfFold);

    public Fitted Fit(TrialEntry best)
    {
        onEvent?.Invoke(new PhaseStarted(ExperimentPhase.Ensembling, clock.Elapsed));
        var ensemble = SelectEnsemble(best);
        onEvent?.Invoke(new PhaseStarted(ExperimentPhase.Refitting, clock.Elapsed));
        var bestModel = Refit(best);
        if (ensemble is not { IsUsed: true })
            return new Fitted(bestModel, bestModel, ensemble, book.OutOfFold[best.Id]);
        var members = ensemble.Members.Select(m => m.Trial == best.Id ? bestModel : Refit(book.Entry(m.Trial))).ToArray();
        var model = WeightedEnsemble.Create(members, [.. ensemble.Members.Select(m => m.Weight)], frame.Schema);
        return new Fitted(model, bestModel, ensemble, Blend(ensemble));
    }

    private EnsembleSummary? SelectEnsemble(TrialEntry best)
    {
        if (options.EnsembleSize == 0) return null;
        var candidates = book.OutOfFold.Keys.Select(id => book.Entry(id))
            .Where(e => book.UsedAllRows(e)).OrderBy(e => e.Id).ToArray();
        if (candidates.Length < 2) return null;
        var predictions = candidates.Select(c => book.OutOfFold[c.Id]).ToArray();
        var selection = target.IsClassification
            ? EnsembleSelection.Select(predictions, [.. validationRows.Select(r => target.Codes[r])], target.Width, metric, options.EnsembleSize)
            : EnsembleSelection.Select(predictions, [.. validationRows.Select(r => target.Targets[r])], metric, options.EnsembleSize);
        var members = selection.Members.Select(i => (candidates[i].Id, selection.Weights[i])).ToArray();
        var fits = members.Length > 1 && selection.BeatsBestSingle && RefitFits(members.Select(m => book.Entry(m.Id)));
        return new EnsembleSummary(members, selection.Score, best.Score!.Value, IsUsed: fits);
    }

    /// <summary>Whether refitting these trials (one fold's fit each, scaled to all rows) fits in the budget left.</summary>
    private bool RefitFits(IEnumerable<TrialEntry> members)
    {
        if (options.TimeBudget is not { } budget) return true;
        var estimate = members.Sum(m => m.Seconds / Math.Max(1, folds - 1));
        return clock.Elapsed.TotalSeconds + estimate <= budget.TotalSeconds;
    }

    private TransformerChain Refit(TrialEntry entry)
    {
        using var context = TrainingContext.Enter(CancellationToken.None);
        return build(Parameters.FromJson(entry.Parameters), options.Seed).Fit(frame);
    }

    /// <summary>The members' out-of-fold predictions averaged with the ensemble's weights.</summary>
    private float[] Blend(EnsembleSummary ensemble)
    {
        var blend = new float[book.OutOfFold[ensemble.Members[0].Trial].Length];
        foreach (var (trial, weight) in ensemble.Members)
        {
            var predictions = book.OutOfFold[trial];
            for (var i = 0; i < blend.Length; i++) blend[i] += (float)(weight * predictions[i]);
        }
        return blend;
    }
}
