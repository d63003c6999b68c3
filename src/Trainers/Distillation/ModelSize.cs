using Pipelines.Prediction;
using Pipelines.Trainers.Mlp;
using Pipelines.Trainers.Trees.Prediction;

namespace Pipelines.Trainers.Distillation;

/// <summary>
/// Sizes of fitted models, counted the same way for teachers and students:
/// <list type="bullet">
/// <item><see cref="MlpModel"/>: weights plus biases of every layer (the standardization vectors are not counted);</item>
/// <item><see cref="GbdtModel"/>: per tree, 2 numbers per split node (feature index and threshold; a categorical split
/// counts its category list length instead of the threshold) and 1 per leaf (its value), plus the base scores.
/// Child links are not counted: they are structure that a flat array layout leaves implicit.</item>
/// </list>
/// </summary>
public static class ModelSize
{
    /// <summary>The parameter count of <paramref name="model"/> as described on <see cref="ModelSize"/>.</summary>
    public static long Parameters(IPredictor model)
    {
        ArgumentNullException.ThrowIfNull(model);
        switch (model)
        {
            case MlpModel mlp:
                return mlp.Layers.Sum(l => (long)l.Weight.Length + l.Bias.Length);
            case GbdtModel gbdt:
                long total = gbdt.BaseScores.Count;
                foreach (var tree in gbdt.Trees)
                {
                    for (var i = 0; i < tree.NodeCount; i++)
                    {
                        if (tree.LeftChild[i] < 0) total += 1;
                        else total += 1 + (tree.IsCategorical(i) ? tree.LeftCategories[i].Length : 1);
                    }
                }
                return total;
            default:
                throw new ArgumentException($"ModelSize: no parameter count is defined for {model.GetType().Name} (known: MlpModel, GbdtModel).", nameof(model));
        }
    }

    /// <summary>Weights and biases of <paramref name="model"/> that are not exactly 0.</summary>
    public static long NonZeros(MlpModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        long count = 0;
        foreach (var layer in model.Layers)
        {
            foreach (var w in layer.Weight) if (w != 0) count++;
            foreach (var b in layer.Bias) if (b != 0) count++;
        }
        return count;
    }

    /// <summary>Non-zero weights (biases left out) as a share of all weights: 1 - sparsity.</summary>
    public static double WeightDensity(MlpModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        long all = 0, nonZero = 0;
        foreach (var layer in model.Layers)
        {
            all += layer.Weight.Length;
            foreach (var w in layer.Weight) if (w != 0) nonZero++;
        }
        return nonZero / (double)all;
    }
}
