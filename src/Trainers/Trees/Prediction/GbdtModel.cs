using System.Text.Json.Serialization;
using Pipelines.Data;
using Pipelines.Persistence;
using Pipelines.Prediction;
using Pipelines.Transforms.Selection;

namespace Pipelines.Trainers.Trees.Prediction;

/// <summary>
/// A fitted gradient-boosted tree ensemble. Raw score of output k: F_k(x) = BaseScores[k] + sum of the trees t with
/// t mod K = k, where K = <see cref="OutputCount"/> (1 for binary and regression, the class count for multiclass).
/// Binary: P(class 1) = sigmoid(F) = 1 / (1 + e^-F). Multiclass: P(k) = softmax(F)_k. Regression: the prediction is F.
/// Missing values follow each node's learned default direction; categories unseen in training go right.
/// </summary>
[PersistedType("gbdt")]
public sealed class GbdtModel : Predictor, IFeatureImportanceModel
{
    public GbdtModel(
        PredictionTask task, IReadOnlyList<string> features, IReadOnlyList<string> classes, IReadOnlyList<bool> categoricalFeatures,
        IReadOnlyList<double> baseScores, IReadOnlyList<RegressionTree> trees, IReadOnlyList<double> gainImportance, IReadOnlyList<int> splitImportance)
        : base(task, features, classes)
    {
        ArgumentNullException.ThrowIfNull(categoricalFeatures);
        ArgumentNullException.ThrowIfNull(baseScores);
        ArgumentNullException.ThrowIfNull(trees);
        ArgumentNullException.ThrowIfNull(gainImportance);
        ArgumentNullException.ThrowIfNull(splitImportance);
        var k = task == PredictionTask.MulticlassClassification ? classes.Count : 1;
        if (baseScores.Count != k) throw new ArgumentException($"GbdtModel: {k} base score(s) expected, got {baseScores.Count}.", nameof(baseScores));
        if (trees.Count % k != 0) throw new ArgumentException($"GbdtModel: {trees.Count} trees is not a whole number of rounds of {k}.", nameof(trees));
        if (categoricalFeatures.Count != features.Count || gainImportance.Count != features.Count || splitImportance.Count != features.Count)
            throw new ArgumentException("GbdtModel: one categorical flag and importance per feature expected.", nameof(categoricalFeatures));
        foreach (var tree in trees)
        {
            ArgumentNullException.ThrowIfNull(tree);
            for (var i = 0; i < tree.NodeCount; i++)
            {
                if (tree.LeftChild[i] < 0) continue;
                if (tree.Feature[i] >= features.Count) throw new ArgumentException($"GbdtModel: a tree splits on feature {tree.Feature[i]} of {features.Count}.", nameof(trees));
                if (tree.IsCategorical(i) != categoricalFeatures[tree.Feature[i]]) throw new ArgumentException("GbdtModel: a split's kind differs from its feature's.", nameof(trees));
            }
        }
        CategoricalFeatures = [.. categoricalFeatures];
        BaseScores = [.. baseScores];
        Trees = [.. trees];
        GainImportance = [.. gainImportance];
        SplitImportance = [.. splitImportance];
    }

    /// <summary>Whether each feature was categorical at fit time (its splits are by category name).</summary>
    public IReadOnlyList<bool> CategoricalFeatures { get; }

    /// <summary>Starting raw score per output (from the label prior: log-odds, log class frequency, or weighted mean).</summary>
    public IReadOnlyList<double> BaseScores { get; }

    /// <summary>The trees, round after round; within a round one tree per output.</summary>
    public IReadOnlyList<RegressionTree> Trees { get; }

    /// <summary>Total split gain per feature (the XGBoost gain of <see cref="Splitting.LeafMath"/>).</summary>
    public IReadOnlyList<double> GainImportance { get; }

    /// <summary>Number of splits per feature.</summary>
    public IReadOnlyList<int> SplitImportance { get; }

    /// <summary>Raw scores per row: 1 for binary and regression, one per class for multiclass.</summary>
    [JsonIgnore]
    public int OutputCount => Task == PredictionTask.MulticlassClassification ? Classes.Count : 1;

    /// <summary>Boosting rounds kept.</summary>
    [JsonIgnore]
    public int Rounds => Trees.Count / OutputCount;

    /// <summary>Gain importance per feature, as <see cref="IFeatureImportanceModel"/> wants it.</summary>
    [JsonIgnore]
    public IReadOnlyList<FeatureImportance> FeatureImportances =>
        [.. Features.Select((name, f) => new FeatureImportance(name, GainImportance[f]))];

    protected override bool AcceptsCategoricalFeatures => true;

    /// <summary>Raw scores F (rows x <see cref="OutputCount"/>, row-major) before the link function.</summary>
    public double[] RawScores(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        GetOutputSchema(input.Schema);
        return EnsembleEvaluator.Raw(this, input);
    }

    public override float[] Predict(DataFrame input)
    {
        var raw = RawScores(input);
        var rows = input.RowCount;
        if (Task == PredictionTask.Regression) return [.. raw.Select(v => (float)v)];
        var k = Classes.Count;
        var result = new float[rows * k];
        if (Task == PredictionTask.BinaryClassification)
        {
            for (var r = 0; r < rows; r++)
            {
                var p = 1 / (1 + Math.Exp(-raw[r]));
                result[r * 2] = (float)(1 - p);
                result[(r * 2) + 1] = (float)p;
            }
            return result;
        }
        for (var r = 0; r < rows; r++)
        {
            var scores = raw.AsSpan(r * k, k);
            var max = double.NegativeInfinity;
            foreach (var s in scores) max = Math.Max(max, s);
            double sum = 0;
            foreach (var s in scores) sum += Math.Exp(s - max);
            for (var c = 0; c < k; c++) result[(r * k) + c] = (float)(Math.Exp(scores[c] - max) / sum);
        }
        return result;
    }
}
