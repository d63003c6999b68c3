using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Prediction;
using Pipelines.Trainers.Trees.Binning;
using Pipelines.Trainers.Trees.Boosting;
using Pipelines.Trainers.Trees.Prediction;

namespace Pipelines.Trainers.Trees.Forest;

/// <summary>
/// Fits a forest: reads the data once, bins the features (shared by all trees), grows the trees in parallel (tree t's
/// bootstrap sample, feature draws and thresholds come from its own generator seeded from (Seed, t), so the forest does
/// not depend on the thread count or scheduling), then computes the out-of-bag score and importances in tree order.
/// </summary>
internal static class ForestFitting
{
    public static ForestModel Fit(ForestOptions options, DataFrame data, bool regression, bool randomThresholds, string step, IReadOnlyDictionary<string, double>? classWeights)
    {
        ArgumentNullException.ThrowIfNull(data);
        Validate(options, step);
        var set = TrainingSet.Read(step, data, allowMissing: true, allowCategorical: true, regression: regression);
        var (task, classes, targets) = ReadTargets(set, data, regression, step, classWeights);
        var parallel = TreeParallelism.ForTraining(options.Threads);
        var bins = Binner.Fit(set.FeatureColumns, options.MaxBins, options.BinSampleSize, options.Seed, parallel);
        var binned = Binner.Apply(bins, set.FeatureColumns, parallel);
        var maxFeatures = (options.MaxFeatures ?? (regression ? MaxFeatures.All : MaxFeatures.Sqrt)).Resolve(bins.Length);
        var growth = new ForestGrowth(options.MaxDepth, options.MinSamplesLeaf, options.MaxLeaves, maxFeatures, randomThresholds,
            HistogramsOnDemand: ForestGrowth.OnDemandPays(maxFeatures, bins.Length));

        var n = set.RowCount;
        var grown = new ForestGrownTree[options.Trees];
        var inBag = new int[options.Trees][];
        Parallel.For(0, options.Trees, parallel, () => new ForestTreeGrower(binned, targets.Outputs, growth), (t, _, grower) =>
        {
            var random = new Random(TreeSeed(options.Seed, t));
            int[] rows;
            var treeTargets = targets;
            if (options.Bootstrap)
            {
                var counts = new int[n];
                for (var i = 0; i < n; i++) counts[random.Next(n)]++;
                inBag[t] = counts;
                rows = [.. Enumerable.Range(0, n).Where(r => counts[r] > 0)];
                treeTargets = targets.Reweighted(counts);
            }
            else
            {
                rows = [.. Enumerable.Range(0, n)];
            }
            grown[t] = grower.Grow(treeTargets, rows, random);
            return grower;
        }, _ => { });

        var importance = Importance(grown, targets, inBag, bins.Length);
        var oob = options.Bootstrap ? OutOfBag.Score(grown, inBag, binned, targets, set, task) : null;
        var trees = grown.Select(g => TreeConverter.ToRaw(g.Tree, bins)).ToArray();
        IReadOnlyList<double[]> probabilities = regression ? [] : [.. grown.Select(g => g.LeafValues)];
        var categorical = set.FeatureColumns.Select(c => c.Kind == ColumnKind.Categorical).ToArray();
        return new ForestModel(task, set.Features, classes, categorical, trees, probabilities, importance, oob);
    }

    /// <summary>The seed of tree <paramref name="tree"/>: SplitMix64 of (seed, tree), so neighbouring trees get unrelated streams.</summary>
    public static int TreeSeed(int seed, int tree)
    {
        var z = ((ulong)(uint)seed << 32 | (uint)tree) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }

    /// <summary>Per feature: mean over trees of (sum of its splits' impurity decrease) / (the tree's total weight).</summary>
    private static double[] Importance(ForestGrownTree[] grown, ForestTargets targets, int[][] inBag, int features)
    {
        var result = new double[features];
        var perTree = new double[features];
        for (var t = 0; t < grown.Length; t++)
        {
            double rootWeight = 0;
            for (var r = 0; r < targets.Rows; r++) rootWeight += targets.Weight[r] * (inBag[t] is { } counts ? counts[r] : 1);
            if (rootWeight <= 0) continue;
            Array.Clear(perTree);
            foreach (var node in grown[t].Tree.Nodes)
            {
                if (node.Split is { } split) perTree[split.Feature] += split.Gain;
            }
            for (var f = 0; f < features; f++) result[f] += perTree[f] / rootWeight / grown.Length;
        }
        return result;
    }

    private static (PredictionTask Task, string[] Classes, ForestTargets Targets) ReadTargets(
        TrainingSet set, DataFrame data, bool regression, string step, IReadOnlyDictionary<string, double>? classWeights)
    {
        if (!regression)
        {
            if (set.Task == PredictionTask.Regression)
                throw new SchemaException($"{step}: label '{data.LabelName}' holds numbers with many distinct values; use a regressor for regression.");
            var classes = set.Classes.ToArray();
            var weights = (float[])set.Weights.Clone();
            if (classWeights is not null)
            {
                var multipliers = new double[classes.Length];
                for (var c = 0; c < classes.Length; c++)
                {
                    multipliers[c] = classWeights.TryGetValue(classes[c], out var w) ? w : 1;
                    if (!(multipliers[c] >= 0) || double.IsInfinity(multipliers[c]))
                        ThrowHelper.BadOption(step, nameof(ForestClassifierOptions.ClassWeights), multipliers[c], $"a finite weight of at least 0 for class '{classes[c]}'");
                }
                for (var r = 0; r < weights.Length; r++) weights[r] *= (float)multipliers[set.ClassCodes[r]];
            }
            return (set.Task, classes, ForestTargets.Classification(classes.Length, set.ClassCodes, weights));
        }
        return (set.Task, [], ForestTargets.Regression(set.Targets, set.Weights));
    }

    private static void Validate(ForestOptions o, string step)
    {
        if (o.Trees < 1) ThrowHelper.BadOption(step, nameof(o.Trees), o.Trees, "at least 1");
        if (o.MaxDepth is < 1) ThrowHelper.BadOption(step, nameof(o.MaxDepth), o.MaxDepth, "at least 1, or null");
        if (o.MinSamplesLeaf < 1) ThrowHelper.BadOption(step, nameof(o.MinSamplesLeaf), o.MinSamplesLeaf, "at least 1");
        if (o.MaxLeaves is < 2) ThrowHelper.BadOption(step, nameof(o.MaxLeaves), o.MaxLeaves, "at least 2, or null");
        if (o.MaxBins is < 2 or > 255) ThrowHelper.BadOption(step, nameof(o.MaxBins), o.MaxBins, "2 to 255");
        if (o.BinSampleSize < 1) ThrowHelper.BadOption(step, nameof(o.BinSampleSize), o.BinSampleSize, "at least 1");
        if (o.Threads is < 1) ThrowHelper.BadOption(step, nameof(o.Threads), o.Threads, "at least 1, or null");
    }
}
