using Pipelines.Trainers.Trees.Binning;
using Pipelines.Trainers.Trees.Growing;
using Pipelines.Trainers.Trees.Prediction;

namespace Pipelines.Trainers.Trees.Boosting;

/// <summary>
/// The gradient boosting loop: F starts at the prior (or the warm-start scores); each round computes g and h of the
/// objective at F, grows one tree per output on a row sample (bagging) over a column sample, and adds its leaf values
/// (learning rate included) to F. With a validation set and early stopping, training stops after
/// EarlyStoppingRounds rounds without a lower validation loss, and rounds after the best are dropped.
/// </summary>
internal static class Booster
{
    // Score updates of fewer rows stay on the calling thread.
    private const int SerialRows = 32 * 1024;
    private static readonly ParallelOptions Serial = new() { MaxDegreeOfParallelism = 1 };

    public static BoostingResult Train(Objective objective, BoostingData train, BoostingData? validation, double[] baseScores, BoostingSettings settings)
    {
        var parallel = settings.Parallel;
        var bins = Binner.Fit(train.Features, settings.MaxBins, settings.BinSampleSize, settings.Seed, parallel);
        var trainBins = Binner.Apply(bins, train.Features, parallel);
        var validBins = validation is null ? null : Binner.Apply(bins, validation.Features, parallel);

        var k = objective.Outputs;
        var n = train.Labels.Rows;
        var scores = StartScores(train, baseScores, k);
        var validScores = validation is null ? null : StartScores(validation, baseScores, k);
        var gradients = new float[k][];
        var hessians = new float[k][];
        for (var c = 0; c < k; c++)
        {
            gradients[c] = new float[n];
            hessians[c] = new float[n];
        }

        var grower = new TreeGrower(trainBins, settings.Growth, parallel);
        var random = new Random(settings.Seed);
        var allRows = Enumerable.Range(0, n).ToArray();
        var allFeatures = Enumerable.Range(0, bins.Length).ToArray();
        var inBag = new bool[n];
        var grown = new List<GrownTree>();
        var losses = new List<double>();
        var bestRound = -1;
        var bestLoss = double.PositiveInfinity;

        for (var round = 0; round < settings.Rounds; round++)
        {
            parallel.CancellationToken.ThrowIfCancellationRequested(); // the trial's token (TrainingContext), checked per round
            objective.Gradients(scores, train.Labels, gradients, hessians, parallel);
            var bagged = settings.RowSubsample < 1;
            var rows = bagged ? Sample(n, settings.RowSubsample, random) : allRows;
            if (bagged)
            {
                Array.Clear(inBag);
                foreach (var r in rows) inBag[r] = true;
            }
            for (var c = 0; c < k; c++)
            {
                var features = settings.ColumnSubsample < 1 ? Sample(bins.Length, settings.ColumnSubsample, random) : allFeatures;
                var tree = grower.Grow(gradients[c], hessians[c], rows, !bagged, features, settings.LearningRate);
                grown.Add(tree);
                AddToTraining(tree, grower.Partition, scores, k, c, parallel);
                if (bagged)
                {
                    for (var r = 0; r < n; r++) if (!inBag[r]) scores[(r * k) + c] += tree.Predict(trainBins, r);
                }
                if (validBins is not null)
                {
                    for (var r = 0; r < validBins.Rows; r++) validScores![(r * k) + c] += tree.Predict(validBins, r);
                }
            }
            if (validation is null) continue;
            var loss = objective.Loss(validScores!, validation.Labels);
            losses.Add(loss);
            if (loss < bestLoss)
            {
                bestLoss = loss;
                bestRound = round;
            }
            else if (settings.EarlyStoppingRounds is { } patience && round - bestRound >= patience)
            {
                break;
            }
        }

        var kept = settings.EarlyStoppingRounds is not null && validation is not null && bestRound >= 0 ? (bestRound + 1) * k : grown.Count;
        var gain = new double[bins.Length];
        var splits = new int[bins.Length];
        foreach (var tree in grown.Take(kept))
        {
            foreach (var node in tree.Nodes)
            {
                if (node.Split is not { } split) continue;
                gain[split.Feature] += split.Gain;
                splits[split.Feature]++;
            }
        }
        var trees = grown.Take(kept).Select(t => TreeConverter.ToRaw(t, bins)).ToArray();
        return new BoostingResult(trees, gain, splits, kept / k - 1, losses);
    }

    private static double[] StartScores(BoostingData data, double[] baseScores, int k)
    {
        if (data.StartScores is { } start) return (double[])start.Clone();
        var scores = new double[data.Labels.Rows * k];
        for (var r = 0; r < data.Labels.Rows; r++) baseScores.CopyTo(scores.AsSpan(r * k, k));
        return scores;
    }

    /// <summary>Adds each leaf's value to the scores of its rows; leaves own disjoint rows, so they go on all threads.</summary>
    private static void AddToTraining(GrownTree tree, RowPartition partition, double[] scores, int k, int output, ParallelOptions parallel)
    {
        var leaves = tree.Leaves.ToArray();
        var options = leaves.Sum(l => l.Count) < SerialRows ? Serial : parallel;
        Parallel.For(0, leaves.Length, options, i =>
        {
            var value = leaves[i].Value;
            foreach (var r in partition.Rows.AsSpan(leaves[i].Start, leaves[i].Count)) scores[(r * k) + output] += value;
        });
    }

    /// <summary>max(1, round(fraction * n)) distinct indices below n, ascending.</summary>
    private static int[] Sample(int n, double fraction, Random random)
    {
        var count = Math.Clamp((int)Math.Round(fraction * n), 1, n);
        var all = new int[n];
        for (var i = 0; i < n; i++) all[i] = i;
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, n);
            (all[i], all[j]) = (all[j], all[i]);
        }
        var picked = all[..count];
        Array.Sort(picked);
        return picked;
    }
}
