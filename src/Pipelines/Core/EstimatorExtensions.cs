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
    public static FittedStep FitTransform(this IEstimator<ITransformer> estimator, DataFrame input) =>
        estimator.FitTransform(input, ScratchColumns.None);

    /// <summary>
    /// As <see cref="FitTransform(IEstimator{ITransformer}, DataFrame)"/>, with the output of a fitted
    /// <see cref="IScratchTransformer"/> written into <paramref name="scratch"/>'s columns where it replaces them.
    /// </summary>
    public static FittedStep FitTransform(this IEstimator<ITransformer> estimator, DataFrame input, ScratchColumns scratch)
    {
        if (estimator is ITrainingTransform special) return special.FitTransform(input);
        var transformer = estimator.Fit(input);
        return new FittedStep(transformer, transformer.Transform(input, scratch));
    }

    /// <summary>Applies <paramref name="transformer"/>, letting it overwrite <paramref name="scratch"/>'s columns when it can.</summary>
    public static DataFrame Transform(this ITransformer transformer, DataFrame input, ScratchColumns scratch) =>
        transformer is IScratchTransformer reusing ? reusing.Transform(input, scratch) : transformer.Transform(input);
}
