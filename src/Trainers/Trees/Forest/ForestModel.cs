using System.Text.Json.Serialization;
using Pipelines.Data;
using Pipelines.Persistence;
using Pipelines.Prediction;
using Pipelines.Trainers.Trees.Prediction;
using Pipelines.Transforms.Selection;

namespace Pipelines.Trainers.Trees.Forest;

/// <summary>
/// A fitted random forest or extra trees ensemble: the prediction is the mean over the T trees of each tree's leaf output.
/// <para>Layout (what ONNX export reads). <see cref="Trees"/> hold the splits in <see cref="RegressionTree"/>'s flat node form
/// (numeric x &lt;= Threshold goes left, categorical by name, missing by DefaultLeft, unseen categories right).
/// Regression: leaf i of tree t outputs <c>Trees[t].LeafValue[i]</c> (the mean target of its rows) and
/// <see cref="LeafProbabilities"/> is empty; the model predicts (1/T) sum_t of them (TreeEnsembleRegressor with
/// aggregate_function AVERAGE, or SUM with values divided by T). Classification with K = <see cref="Predictor.Classes"/> classes:
/// <c>LeafProbabilities[t][i * K + k]</c> is the share of class k in leaf i (node-major, NodeCount x K; zero at split
/// nodes; each leaf's K values sum to 1) and <c>Trees[t].LeafValue</c> is all zeros; P(k) = (1/T) sum_t of the leaf's
/// share (TreeEnsembleClassifier has no aggregate_function, so emit class_weights = share / T for every class id of every
/// leaf, post_transform NONE, and the K probabilities come out summed to 1; binary models keep both class ids).</para>
/// </summary>
[PersistedType("forest")]
public sealed class ForestModel : Predictor, IFeatureImportanceModel
{
    public ForestModel(
        PredictionTask task, IReadOnlyList<string> features, IReadOnlyList<string> classes, IReadOnlyList<bool> categoricalFeatures,
        IReadOnlyList<RegressionTree> trees, IReadOnlyList<double[]> leafProbabilities, IReadOnlyList<double> meanDecreaseImpurity,
        double? outOfBagScore)
        : base(task, features, classes)
    {
        ArgumentNullException.ThrowIfNull(categoricalFeatures);
        ArgumentNullException.ThrowIfNull(trees);
        ArgumentNullException.ThrowIfNull(leafProbabilities);
        ArgumentNullException.ThrowIfNull(meanDecreaseImpurity);
        if (trees.Count == 0) throw new ArgumentException("ForestModel: at least one tree expected.", nameof(trees));
        if (categoricalFeatures.Count != features.Count || meanDecreaseImpurity.Count != features.Count)
            throw new ArgumentException("ForestModel: one categorical flag and importance per feature expected.", nameof(categoricalFeatures));
        var classification = task != PredictionTask.Regression;
        if (leafProbabilities.Count != (classification ? trees.Count : 0))
            throw new ArgumentException($"ForestModel: {(classification ? trees.Count : 0)} leaf probability arrays expected, got {leafProbabilities.Count}.", nameof(leafProbabilities));
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            ArgumentNullException.ThrowIfNull(tree);
            if (classification && (leafProbabilities[t] is null || leafProbabilities[t].Length != tree.NodeCount * classes.Count))
                throw new ArgumentException($"ForestModel: tree {t} needs {tree.NodeCount} x {classes.Count} leaf probabilities.", nameof(leafProbabilities));
            for (var i = 0; i < tree.NodeCount; i++)
            {
                if (tree.LeftChild[i] < 0) continue;
                if (tree.Feature[i] >= features.Count) throw new ArgumentException($"ForestModel: a tree splits on feature {tree.Feature[i]} of {features.Count}.", nameof(trees));
                if (tree.IsCategorical(i) != categoricalFeatures[tree.Feature[i]]) throw new ArgumentException("ForestModel: a split's kind differs from its feature's.", nameof(trees));
            }
        }
        CategoricalFeatures = [.. categoricalFeatures];
        Trees = [.. trees];
        LeafProbabilities = [.. leafProbabilities];
        MeanDecreaseImpurity = [.. meanDecreaseImpurity];
        OutOfBagScore = outOfBagScore;
    }

    /// <summary>Whether each feature was categorical at fit time (its splits are by category name).</summary>
    public IReadOnlyList<bool> CategoricalFeatures { get; }

    /// <summary>The trees' splits (and, for regression, leaf means); see the class summary for the layout.</summary>
    public IReadOnlyList<RegressionTree> Trees { get; }

    /// <summary>Classification: per tree, NodeCount x K class shares (node-major). Empty for regression.</summary>
    public IReadOnlyList<double[]> LeafProbabilities { get; }

    /// <summary>
    /// Per feature, the mean over trees of the weighted impurity decrease of its splits divided by the tree's root weight
    /// (scikit-learn's unnormalized tree importance; Gini or squared error).
    /// </summary>
    public IReadOnlyList<double> MeanDecreaseImpurity { get; }

    /// <summary>
    /// Out-of-bag score: accuracy (classification) or R² (regression) of predicting each training row from the trees whose
    /// bootstrap sample left it out, over rows left out by at least one tree. Null without bootstrap or with no such rows.
    /// </summary>
    public double? OutOfBagScore { get; }

    /// <summary>Outputs per row: the class count, or 1 for regression.</summary>
    [JsonIgnore]
    public int OutputCount => Task == PredictionTask.Regression ? 1 : Classes.Count;

    /// <summary><see cref="MeanDecreaseImpurity"/> normalized to sum to 1 (all zeros when no tree splits).</summary>
    [JsonIgnore]
    public IReadOnlyList<FeatureImportance> FeatureImportances
    {
        get
        {
            var total = MeanDecreaseImpurity.Sum();
            return [.. Features.Select((name, f) => new FeatureImportance(name, total > 0 ? MeanDecreaseImpurity[f] / total : 0))];
        }
    }

    protected override bool AcceptsCategoricalFeatures => true;

    /// <inheritdoc/>
    public override float[] Predict(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        GetOutputSchema(input.Schema);
        return ForestEvaluator.Average(this, input);
    }
}
