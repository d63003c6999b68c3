using Pipelines.Data;

namespace Pipelines.Core;

/// <summary>The chain-building and fitting helpers shared by all estimators.</summary>
public static class EstimatorExtensions
{
    /// <summary>A chain that runs <paramref name="first"/> then <paramref name="next"/>.</summary>
    public static EstimatorChain Append(this IEstimator<ITransformer> first, IEstimator<ITransformer> next) =>
        first is EstimatorChain chain ? chain.Append(next) : new EstimatorChain([first, next]);

    /// <summary>
    /// Fits <paramref name="estimator"/> and returns the frame following steps learn from: the
    /// estimator's own training output where it has one (<see cref="ITrainingTransform"/>), else Transform of the input.
    /// </summary>
    public static FittedStep FitTransform(this IEstimator<ITransformer> estimator, DataFrame input)
    {
        if (estimator is ITrainingTransform special) return special.FitTransform(input);
        var transformer = estimator.Fit(input);
        return new FittedStep(transformer, transformer.Transform(input));
    }
}
