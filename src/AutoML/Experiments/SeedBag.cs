using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Ensembles;

namespace Pipelines.AutoML.Experiments;

/// <summary>
/// A trial refitted on all rows once per model seed of the plan (<see cref="ValidationPlan.ModelSeeds"/>), so the
/// model that ships averages the same seeds its out-of-fold predictions did. Fits whose predictions on the training
/// rows equal an earlier fit's are merged into it (their weights add up): a pipeline that draws no random numbers gives
/// one model, not several copies of it. On a large frame the garbage of the previous fit (a pipeline's transformed
/// columns, as large as the data) is collected before each fit, so refitting an ensemble peaks at one fit's columns
/// beside the frame rather than at every member's.
/// </summary>
internal sealed record SeedBag(IReadOnlyList<(TransformerChain Model, double Share)> Members)
{
    // Frames of this many cells or more (4 bytes each) are worth a full collection before each fit.
    private const long CollectAtCells = 8 << 20;

    public static SeedBag Fit(Func<int, TransformerChain> fit, IReadOnlyList<int> seeds, DataFrame frame, ExperimentTarget target)
    {
        var members = new List<(TransformerChain Model, float[] Predictions, int Count)>();
        foreach (var seed in seeds)
        {
            if ((long)frame.RowCount * frame.Columns.Count >= CollectAtCells) HeapRelease.Collect();
            var model = fit(seed);
            var predictions = seeds.Count > 1 ? new float[frame.RowCount * target.Width] : [];
            if (seeds.Count > 1) target.ReadPredictions(model.Transform(frame), predictions, 0);
            var same = members.FindIndex(m => m.Predictions.AsSpan().SequenceEqual(predictions));
            if (same >= 0) members[same] = members[same] with { Count = members[same].Count + 1 };
            else members.Add((model, predictions, 1));
        }
        return new SeedBag([.. members.Select(m => (m.Model, m.Count / (double)seeds.Count))]);
    }

    /// <summary>
    /// The weighted average of refitted trials' seed models: the one chain when that is all there is, else one flat
    /// <see cref="WeightedEnsemble"/> of every seed model (a trial's weight split by its models' shares).
    /// </summary>
    public static ITransformer Average(IReadOnlyList<(SeedBag Bag, double Weight)> trials, DataSchema schema)
    {
        var flat = trials.SelectMany(t => t.Bag.Members.Select(m => (m.Model, Weight: t.Weight * m.Share))).ToArray();
        return flat.Length == 1 ? flat[0].Model : WeightedEnsemble.Create([.. flat.Select(m => m.Model)], [.. flat.Select(m => m.Weight)], schema);
    }
}
