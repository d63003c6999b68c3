using Pipelines.Data;
using Pipelines.Persistence;
using Pipelines.Trainers.Optimization;

namespace Pipelines.Trainers.LinearModels;

/// <summary>
/// A fitted binary logistic regression: P(Classes[1] | x) = σ(w·x + b) = 1 / (1 + e^-(w·x + b)), and
/// P(Classes[0] | x) = 1 - that. (ONNX: MatMul + Add + Sigmoid, or LinearClassifier with post_transform LOGISTIC.)
/// </summary>
[PersistedType("logistic-regression")]
public sealed class LogisticRegressionModel : LinearPredictor
{
    public LogisticRegressionModel(
        IReadOnlyList<string> features, IReadOnlyList<string> classes, float[] weights, float[] intercepts,
        float[] standardizedWeights, OptimizationReport report)
        : base(PredictionTask.BinaryClassification, features, classes, 1, weights, intercepts, standardizedWeights, report)
    {
        if (classes.Count != 2) throw new ArgumentException($"A binary logistic model has two classes, got {classes.Count}.", nameof(classes));
    }

    protected override float[] Link(float[] scores, int rows)
    {
        var result = new float[rows * 2];
        for (var i = 0; i < rows; i++)
        {
            var p = (float)LogisticLoss.Sigmoid(scores[i]);
            result[2 * i] = 1 - p;
            result[2 * i + 1] = p;
        }
        return result;
    }
}
