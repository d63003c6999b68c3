using Pipelines.Data;

namespace Pipelines.Core;

/// <summary>
/// Estimators run in order: each learns from what the previous ones output while fitting
/// (including rows added or removed by samplers, which act only here, never at Transform time). Columns an earlier
/// step made are the chain's scratch (<see cref="ScratchColumns"/>): later steps may write over them.
/// </summary>
public sealed class EstimatorChain : IEstimator<TransformerChain>, ITrainingTransform
{
    public EstimatorChain(IEnumerable<IEstimator<ITransformer>> steps)
    {
        Steps = [.. steps];
        foreach (var step in Steps) ArgumentNullException.ThrowIfNull(step);
    }

    public IReadOnlyList<IEstimator<ITransformer>> Steps { get; }

    /// <summary>A new chain with <paramref name="next"/> at the end; this chain is unchanged.</summary>
    public EstimatorChain Append(IEstimator<ITransformer> next) => new([.. Steps, next]);

    public DataSchema GetOutputSchema(DataSchema input)
    {
        var schema = input;
        foreach (var step in Steps) schema = step.GetOutputSchema(schema);
        return schema;
    }

    /// <summary>
    /// Fits every step on what the steps before it output. The last step's output is not made: nothing reads it, and for
    /// a learner it would be a prediction of every training row.
    /// </summary>
    public TransformerChain Fit(DataFrame input) => (TransformerChain)FitSteps(input, transformLast: false).Transformer;

    public FittedStep FitTransform(DataFrame input) => FitSteps(input, transformLast: true);

    // With transformLast false the result's frame is the last step's input.
    private FittedStep FitSteps(DataFrame input, bool transformLast)
    {
        var data = input;
        var scratch = ScratchColumns.Outside(input);
        var fitted = new List<ITransformer>(Steps.Count);
        for (var i = 0; i < Steps.Count; i++)
        {
            TrainingContext.ThrowIfCancelled(); // a cancelled trial stops between steps even when a step does not check
            var step = Steps[i];
            if (i == Steps.Count - 1 && !transformLast)
            {
                fitted.Add(step is ITrainingTransform special ? special.FitTransform(data).Transformer : step.Fit(data));
                break;
            }
            var result = step.FitTransform(data, scratch);
            fitted.Add(result.Transformer);
            data = result.Output;
        }
        return new FittedStep(new TransformerChain(fitted), data);
    }
}
