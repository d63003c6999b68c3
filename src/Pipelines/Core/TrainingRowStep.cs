using Pipelines.Data;

namespace Pipelines.Core;

/// <summary>
/// Base of steps that change which rows there are (samplers, duplicate removal). As imbalanced-learn's
/// fit_resample, they act only while a chain is fitting; the fitted step is a <see cref="PassThrough"/>,
/// so predictions are made for every row the caller gives.
/// </summary>
public abstract record TrainingRowStep : IEstimator<PassThrough>, ITrainingTransform
{
    /// <summary>Rows change, columns do not.</summary>
    public DataSchema GetOutputSchema(DataSchema input) => input;

    /// <summary>Validates the input and returns the pass-through; the row change itself happens in <see cref="FitTransform"/>.</summary>
    public PassThrough Fit(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Validate(input);
        return PassThrough.Instance;
    }

    public FittedStep FitTransform(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Validate(input);
        return new FittedStep(PassThrough.Instance, ChangeRows(input));
    }

    /// <summary>Throws a <see cref="Errors.PipelineException"/> when the step cannot run on <paramref name="input"/>.</summary>
    protected virtual void Validate(DataFrame input) { }

    /// <summary>The training rows the next step should see; the columns and their order stay the same.</summary>
    protected abstract DataFrame ChangeRows(DataFrame input);
}
