using Pipelines.Data;
using Pipelines.Persistence;
using Pipelines.Trainers.Optimization;

namespace Pipelines.Trainers.LinearModels;

/// <summary>
/// A fitted multinomial logistic regression: P(k | x) = e^{z_k - m} / Σ_c e^{z_c - m} with z = W x + b and m = max_c z_c
/// (subtracting the maximum keeps the exponentials finite). (ONNX: MatMul + Add + Softmax.)
/// </summary>
[PersistedType("softmax-regression")]
public sealed class SoftmaxRegressionModel : LinearPredictor
{
    public SoftmaxRegressionModel(
        IReadOnlyList<string> features, IReadOnlyList<string> classes, float[] weights, float[] intercepts,
        float[] standardizedWeights, OptimizationReport report)
        : base(classes.Count == 2 ? PredictionTask.BinaryClassification : PredictionTask.MulticlassClassification,
            features, classes, classes.Count, weights, intercepts, standardizedWeights, report)
    {
    }

    protected override float[] Link(float[] scores, int rows)
    {
        var k = Outputs;
        for (var i = 0; i < rows; i++)
        {
            var row = scores.AsSpan(i * k, k);
            var max = float.NegativeInfinity;
            foreach (var z in row) max = MathF.Max(max, z);
            var sum = 0.0;
            for (var c = 0; c < k; c++)
            {
                var e = Math.Exp(row[c] - max);
                row[c] = (float)e;
                sum += e;
            }
            for (var c = 0; c < k; c++) row[c] = (float)(row[c] / sum);
        }
        return scores;
    }
}
