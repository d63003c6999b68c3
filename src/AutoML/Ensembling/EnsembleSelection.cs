using Pipelines.Evaluation;

namespace Pipelines.AutoML.Ensembling;

/// <summary>
/// Greedy ensemble selection with replacement (Caruana, Niculescu-Mizil, Crew, Ksikes, "Ensemble Selection from Libraries
/// of Models", ICML 2004), initialised with the best single model as FLAML and AutoGluon do:
/// <list type="number">
/// <item>Step 1 picks the candidate whose own out-of-fold predictions score best.</item>
/// <item>With a <see cref="SelectionBudget"/>, only candidates already picked or whose cost still fits are eligible at
/// each step.</item>
/// <item>Each later step adds (with replacement, so a candidate may be picked again and so weigh more) the candidate
/// whose addition gives the best metric of the averaged predictions of all picks so far.</item>
/// <item>After <c>size</c> steps, the prefix of picks with the best score is kept (the earliest of equal ones, after the tie-break); a
/// candidate's weight is its number of picks in that prefix divided by the prefix length.</item>
/// </list>
/// Metrics of the predicted class (accuracy, F1...) tie often on small data; there the log loss of the same averaged
/// probabilities breaks ties, in the picks and in the kept prefix. Remaining ties go to the lowest candidate index,
/// and a NaN score never wins, so the result is deterministic. The picks' sum is
/// kept running and each metric is computed in one pass that averages as it goes: a step costs one pass over each
/// candidate's predictions (log loss: over its rows only), and candidates are scored in parallel (up to
/// <see cref="Pipelines.Core.TrainingContext.MaxThreads"/>). Ranking metrics (ROC AUC, PR AUC) sort every class's scores
/// for every candidate at every step, so they cost the most.
/// </summary>
public static class EnsembleSelection
{
    /// <summary>The default number of picks.</summary>
    public const int DefaultSize = 25;

    /// <summary>
    /// Classification: <paramref name="predictions"/> holds each candidate's out-of-fold class probabilities on the same
    /// rows, row-major (rows x <paramref name="classCount"/>); <paramref name="actual"/> the class code of each row.
    /// </summary>
    /// <param name="predictions">One array per candidate model.</param>
    /// <param name="actual">Class codes in [0, classCount), one per row.</param>
    /// <param name="classCount">The number of classes (at least 2).</param>
    /// <param name="metric">A classification metric; its direction decides what is better.</param>
    /// <param name="size">The number of picks (the ensemble size), at least 1.</param>
    /// <param name="budget">A limit on the members' total cost, or null for none.</param>
    public static EnsembleSelectionResult Select(IReadOnlyList<float[]> predictions, ReadOnlySpan<int> actual, int classCount, Metric metric, int size = DefaultSize, SelectionBudget? budget = null)
    {
        EnsembleInputs.Options(metric, MetricTask.Classification, size);
        EnsembleInputs.ClassCodes(actual, classCount, metric);
        EnsembleInputs.Predictions(predictions, actual.Length, classCount, probabilities: true);
        EnsembleInputs.Budget(budget, predictions.Count);
        return GreedySelection.Run(EnsembleScorer.Classification(metric, predictions, actual.ToArray(), classCount), metric, size, budget);
    }

    /// <summary>
    /// Regression: <paramref name="predictions"/> holds each candidate's out-of-fold predicted value per row, on the same
    /// rows; <paramref name="actual"/> the target of each row.
    /// </summary>
    /// <param name="predictions">One array per candidate model, one value per row.</param>
    /// <param name="actual">Finite targets, one per row.</param>
    /// <param name="metric">A regression metric (RMSE, MAE, R²); its direction decides what is better.</param>
    /// <param name="size">The number of picks (the ensemble size), at least 1.</param>
    /// <param name="budget">A limit on the members' total cost, or null for none.</param>
    public static EnsembleSelectionResult Select(IReadOnlyList<float[]> predictions, ReadOnlySpan<float> actual, Metric metric, int size = DefaultSize, SelectionBudget? budget = null)
    {
        EnsembleInputs.Options(metric, MetricTask.Regression, size);
        EnsembleInputs.Targets(actual);
        EnsembleInputs.Predictions(predictions, actual.Length, 1, probabilities: false);
        EnsembleInputs.Budget(budget, predictions.Count);
        return GreedySelection.Run(EnsembleScorer.Regression(metric, predictions, actual.ToArray()), metric, size, budget);
    }
}
