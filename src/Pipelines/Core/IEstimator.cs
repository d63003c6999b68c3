using Pipelines.Data;

namespace Pipelines.Core;

/// <summary>
/// An unfitted step: an immutable options object whose <see cref="Fit"/> learns from data and returns a
/// transformer. Change options with <c>with</c>; randomness comes from a seed among the options.
/// </summary>
public interface IEstimator<out TTransformer> where TTransformer : ITransformer
{
    /// <summary>
    /// The schema the fitted transformer will produce for input of <paramref name="input"/>, known before
    /// fitting. Where the output columns depend on the data, the schema is partial (<see cref="DataSchema.IsExact"/> false).
    /// </summary>
    DataSchema GetOutputSchema(DataSchema input);

    /// <summary>Learns from <paramref name="input"/> without changing it.</summary>
    TTransformer Fit(DataFrame input);
}

/// <summary>
/// An estimator whose output on its own training rows differs from <c>Fit(x).Transform(x)</c>:
/// cross-fitted encoders (out-of-fold target encoding) and samplers, which change the rows themselves.
/// Chains call <see cref="FitTransform"/> while fitting so the next step learns from the right rows.
/// </summary>
public interface ITrainingTransform
{
    /// <summary>Fits and returns the fitted transformer with the frame the next step should learn from.</summary>
    FittedStep FitTransform(DataFrame input);
}

/// <summary>A fitted transformer together with the frame that following steps learn from.</summary>
public sealed record FittedStep(ITransformer Transformer, DataFrame Output);
