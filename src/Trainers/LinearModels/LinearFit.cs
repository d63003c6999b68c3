using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Prediction;
using Pipelines.Trainers.Optimization;

namespace Pipelines.Trainers.LinearModels;

/// <summary>The learned affine map z = W x + b on raw features, the same weights on standardized features, and the run's report.</summary>
internal sealed record LinearSolution(float[] Weights, float[] Intercepts, float[] StandardizedWeights, OptimizationReport Report);

/// <summary>
/// The fitting procedure all linear learners share: standardize, minimize the objective (L-BFGS, or OWL-QN under L1),
/// and fold the scaling back: for z = Σ_j θ_j (x_j - c_j) / s_j + θ_b, the raw weights are w_j = θ_j / s_j and the
/// intercept b = θ_b - Σ_j w_j c_j. Standardized weights are reported as w_j σ_j whatever the options.
/// </summary>
internal static class LinearFit
{
    public delegate LinearObjective ObjectiveFactory(LinearDesign design, double[] weights);

    public static LinearSolution Run(
        string step, TrainingSet set, double[] rowWeights, int outputs, LinearFitOptions options, ObjectiveFactory objective,
        double[]? initialIntercepts = null)
    {
        var n = set.RowCount;
        if (n < 2) ThrowHelper.TooFewRows(step, n, 2);
        if (!(set.Weights.Sum(w => (double)w) > 0) || !(rowWeights.Sum() > 0))
            throw new DataValueException($"{step}: every training row has weight 0, so there is nothing to learn from. Check the weight column and class weights.");
        var d = set.Features.Count;
        // The features are read where they are, standardized as the objective reads them: no copy.
        var columns = set.FeatureColumns.Cast<NumericColumn>().ToArray();
        var scaling = FeatureScaling.Fit(columns, set.Weights, center: options.Standardize && options.FitIntercept, scale: options.Standardize);
        var f = objective(new LinearDesign(columns, scaling.Center, scaling.Scale), rowWeights);

        var start = new double[f.Dimension];
        if (options.FitIntercept && initialIntercepts is not null) initialIntercepts.CopyTo(start, outputs * d);
        var optimizer = new OptimizerOptions { Tolerance = options.Tolerance, GradientTolerance = options.Tolerance, MaxIterations = options.MaxIterations };
        OptimizationResult result;
        if (options.L1 > 0)
        {
            var l1 = new double[f.Dimension];
            Array.Fill(l1, options.L1, 0, outputs * d);
            result = OwlQn.Minimize(f, start, l1, optimizer);
        }
        else
        {
            result = Lbfgs.Minimize(f, start, optimizer);
        }

        var theta = result.Solution;
        var weights = new float[outputs * d];
        var standardized = new float[outputs * d];
        var intercepts = new float[outputs];
        for (var k = 0; k < outputs; k++)
        {
            var b = options.FitIntercept ? theta[outputs * d + k] : 0.0;
            for (var j = 0; j < d; j++)
            {
                var w = theta[k * d + j] / scaling.Scale[j];
                weights[k * d + j] = (float)w;
                standardized[k * d + j] = (float)(w * scaling.Std[j]);
                b -= w * scaling.Center[j];
            }
            intercepts[k] = (float)b;
        }
        return new LinearSolution(weights, intercepts, standardized, result.Report);
    }
}
