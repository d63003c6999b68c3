using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Pipelines.Trainers.LinearModels;
using Pipelines.Trainers.Optimization;

namespace Pipelines.MLNet.Trainers;

/// <summary>
/// Reads trained ML.NET linear models (their public weights and biases) into the project's linear models. ML.NET's
/// score is z = w·x + b in float; its optimizers' runs are not reported (<see cref="OptimizationReport.NotReported"/>).
/// </summary>
internal static class MLNetLinearModels
{
    /// <summary>
    /// A binary model with ML.NET's Platt link P(class 1) = 1 / (1 + e^(slope · z + offset)) as a
    /// <see cref="LogisticRegressionModel"/> σ(w'·x + b'): w' = -slope · w, b' = -(slope · b + offset).
    /// </summary>
    public static LogisticRegressionModel Logistic(MLNetData data, LinearBinaryModelParameters model, double slope, double offset)
    {
        var weights = model.Weights.Select(w => (float)(-slope * w)).ToArray();
        var bias = (float)(-((slope * model.Bias) + offset));
        return new LogisticRegressionModel(data.Features, data.Classes, weights, [bias], Standardized(data, weights, 1), OptimizationReport.NotReported);
    }

    /// <summary>A maximum-entropy model, P(k) = softmax(W x + b)_k, as a <see cref="SoftmaxRegressionModel"/>.</summary>
    public static SoftmaxRegressionModel Softmax(MLNetData data, MaximumEntropyModelParameters model)
    {
        VBuffer<float>[] rows = [];
        model.GetWeights(ref rows, out var classes);
        var d = data.Features.Count;
        if (classes != data.Classes.Length) throw new InvalidOperationException($"{data.Step}: ML.NET's model has {classes} classes; the data {data.Classes.Length}.");
        var weights = new float[classes * d];
        for (var k = 0; k < classes; k++)
        {
            var dense = rows[k].DenseValues().ToArray();
            dense.CopyTo(weights, k * d);
        }
        var biases = model.GetBiases().ToArray();
        return new SoftmaxRegressionModel(data.Features, data.Classes, weights, biases, Standardized(data, weights, classes), OptimizationReport.NotReported);
    }

    /// <summary>A linear regression ŷ = w·x + b as a <see cref="LinearRegressionModel"/>.</summary>
    public static LinearRegressionModel Regression(MLNetData data, LinearRegressionModelParameters model)
    {
        var weights = model.Weights.ToArray();
        return new LinearRegressionModel(data.Features, weights, [model.Bias], Standardized(data, weights, 1), OptimizationReport.NotReported);
    }

    /// <summary>W_kj σ_j, with σ_j the weighted standard deviation of feature j over the training rows.</summary>
    private static float[] Standardized(MLNetData data, float[] weights, int outputs)
    {
        var std = data.View.WeightedStandardDeviations();
        var d = std.Length;
        var result = new float[weights.Length];
        for (var k = 0; k < outputs; k++)
        {
            for (var j = 0; j < d; j++) result[(k * d) + j] = (float)(weights[(k * d) + j] * std[j]);
        }
        return result;
    }
}
