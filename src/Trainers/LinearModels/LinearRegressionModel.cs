using Pipelines.Data;
using Pipelines.Persistence;
using Pipelines.Trainers.Optimization;

namespace Pipelines.Trainers.LinearModels;

/// <summary>A fitted linear regression: ŷ = w·x + b. (ONNX: MatMul + Add, or LinearRegressor.)</summary>
[PersistedType("linear-regression")]
public sealed class LinearRegressionModel : LinearPredictor
{
    public LinearRegressionModel(
        IReadOnlyList<string> features, float[] weights, float[] intercepts, float[] standardizedWeights, OptimizationReport report)
        : base(PredictionTask.Regression, features, [], 1, weights, intercepts, standardizedWeights, report)
    {
    }

    protected override float[] Link(float[] scores, int rows) => scores;
}
