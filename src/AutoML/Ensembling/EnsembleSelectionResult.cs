namespace Pipelines.AutoML.Ensembling;

/// <summary>
/// What greedy ensemble selection chose.
/// </summary>
/// <param name="Weights">One weight per candidate, in candidate order: how often it was picked in the kept prefix divided by the prefix length; they sum to 1, unpicked candidates have 0.</param>
/// <param name="Score">The metric of the ensemble's out-of-fold predictions: Σ weight·prediction in double, rounded to float, as <c>WeightedEnsemble</c> averages.</param>
/// <param name="BestSingleIndex">The candidate with the best metric on its own among those the budget lets in (ties: the lowest index); the first pick.</param>
/// <param name="BestSingleScore">That candidate's metric.</param>
/// <param name="BeatsBestSingle">
/// Whether <see cref="Score"/> is strictly better than <see cref="BestSingleScore"/> in the metric's direction or, for a
/// metric of the predicted class, equal with a lower log loss (the selection's tie-break).
/// </param>
/// <param name="Picks">The candidate picked at each step of the kept prefix, in order (with repeats); its length is the ensemble size used.</param>
/// <param name="Trajectory">
/// The metric after each step that ran, kept or not (step 1 is the best single model), as the selection computes it: log
/// loss takes each row's total before clipping, so it may differ from <see cref="Score"/> in the last digits.
/// </param>
public sealed record EnsembleSelectionResult(
    IReadOnlyList<double> Weights,
    double Score,
    int BestSingleIndex,
    double BestSingleScore,
    bool BeatsBestSingle,
    IReadOnlyList<int> Picks,
    IReadOnlyList<double> Trajectory)
{
    /// <summary>The candidates with a positive weight, ascending: the models to refit and combine.</summary>
    public IReadOnlyList<int> Members => [.. Enumerable.Range(0, Weights.Count).Where(i => Weights[i] > 0)];

    /// <summary>The weights of <see cref="Members"/>, in the same order (they sum to 1).</summary>
    public IReadOnlyList<double> MemberWeights => [.. Members.Select(i => Weights[i])];
}
