using System.Numerics.Tensors;
using Pipelines.Data;
using Pipelines.Prediction;
using Pipelines.Trainers.Optimization;
using Pipelines.Transforms.Selection;

namespace Pipelines.Trainers.LinearModels;

/// <summary>
/// Learned state of a linear model: scores z_k = Σ_j W_kj x_j + b_k on the raw features, k = 0..K-1, from which the
/// subclass makes its outputs (the identity, the logistic function, the softmax). All fields are public for export.
/// </summary>
public abstract class LinearPredictor : Predictor, IFeatureImportanceModel
{
    protected LinearPredictor(
        PredictionTask task, IReadOnlyList<string> features, IReadOnlyList<string> classes, int outputs,
        float[] weights, float[] intercepts, float[] standardizedWeights, OptimizationReport report)
        : base(task, features, classes)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(intercepts);
        ArgumentNullException.ThrowIfNull(standardizedWeights);
        ArgumentNullException.ThrowIfNull(report);
        var d = features.Count;
        if (weights.Length != outputs * d || standardizedWeights.Length != outputs * d || intercepts.Length != outputs)
            throw new ArgumentException(
                $"{GetType().Name}: expected {outputs} x {d} weights and {outputs} intercepts, got {weights.Length}, {standardizedWeights.Length} and {intercepts.Length}.");
        Weights = weights;
        Intercepts = intercepts;
        StandardizedWeights = standardizedWeights;
        Report = report;
    }

    /// <summary>W, row-major outputs x features, on the raw features (one row for binary and regression models).</summary>
    public float[] Weights { get; }

    /// <summary>b, one per output.</summary>
    public float[] Intercepts { get; }

    /// <summary>W_kj σ_j: the weights on features standardized with the training rows' weighted standard deviation σ_j.</summary>
    public float[] StandardizedWeights { get; }

    /// <summary>How the optimizer ran (iterations, final objective, convergence, objective per iteration).</summary>
    public OptimizationReport Report { get; }

    /// <summary>The number of scores per row, K.</summary>
    protected int Outputs => Intercepts.Length;

    /// <summary>
    /// Per feature: the standardized weight (binary, regression), or Σ_k |W_kj σ_j| over the classes (softmax).
    /// </summary>
    public IReadOnlyList<FeatureImportance> FeatureImportances
    {
        get
        {
            var d = Features.Count;
            var result = new FeatureImportance[d];
            for (var j = 0; j < d; j++)
            {
                double importance;
                if (Outputs == 1) importance = StandardizedWeights[j];
                else
                {
                    importance = 0;
                    for (var k = 0; k < Outputs; k++) importance += Math.Abs(StandardizedWeights[k * d + j]);
                }
                result[j] = new FeatureImportance(Features[j], importance);
            }
            return result;
        }
    }

    // Rows whose features Predict copies row-major at once.
    private const int PredictBlockRows = 1024;

    /// <inheritdoc/>
    public override float[] Predict(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        GetOutputSchema(input.Schema);
        var d = Features.Count;
        var k = Outputs;
        var columns = FeatureMatrix.Numeric(input, Features);
        var rows = input.RowCount;
        var scores = new float[rows * k];
        // A block of rows at a time, row-major: the features are never copied whole.
        var blockRows = Math.Min(rows, PredictBlockRows);
        var x = new float[blockRows * d];
        for (var start = 0; start < rows; start += blockRows)
        {
            var count = Math.Min(blockRows, rows - start);
            FeatureMatrix.RowMajor(columns, start, x.AsSpan(0, count * d));
            for (var i = 0; i < count; i++)
            {
                var row = x.AsSpan(i * d, d);
                for (var c = 0; c < k; c++) scores[(start + i) * k + c] = TensorPrimitives.Dot(row, Weights.AsSpan(c * d, d)) + Intercepts[c];
            }
        }
        return Link(scores, rows);
    }

    /// <summary>Turns the rows x K scores into the model's outputs (see <see cref="IPredictor.Predict"/>); may reuse the array.</summary>
    protected abstract float[] Link(float[] scores, int rows);
}
