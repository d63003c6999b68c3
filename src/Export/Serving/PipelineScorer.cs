using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Persistence;
using Pipelines.Prediction;

namespace Pipelines.Export.Serving;

/// <summary>Scores frames in process with a fitted pipeline (a pipeline file), keeping only its prediction columns.</summary>
public sealed class PipelineScorer : IModelScorer
{
    private readonly ITransformer _model;
    private readonly IPredictor _learner;

    /// <summary>Scores with <paramref name="model"/>, which reads frames of <paramref name="inputSchema"/> and ends in a learner.</summary>
    public PipelineScorer(ITransformer model, DataSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputSchema);
        _model = model;
        _learner = Learner(model) ?? throw new PipelineException($"The pipeline ({model.GetType().Name}) has no learner, so it makes no predictions.");
        Inputs = [.. inputSchema.Features];
    }

    /// <inheritdoc/>
    public IReadOnlyList<ColumnSchema> Inputs { get; }

    /// <summary>Loads the pipeline file at <paramref name="path"/> (see <see cref="PipelineFile.Load"/> for its errors).</summary>
    public static PipelineScorer Open(string path)
    {
        var saved = PipelineFile.Load(path);
        return new PipelineScorer(saved.Model, saved.InputSchema);
    }

    /// <inheritdoc/>
    public DataFrame Predict(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var transformed = _model.Transform(frame);
        IEnumerable<string> names = _learner.Task == PredictionTask.Regression
            ? [PredictionColumns.Score]
            : [PredictionColumns.PredictedLabel, .. _learner.Classes.Select(PredictionColumns.Probability)];
        return new DataFrame(names.Select(n => transformed[n]));
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private static IPredictor? Learner(ITransformer model) => model switch
    {
        IPredictor predictor => predictor,
        TransformerChain chain => chain.Steps.Reverse().Select(Learner).FirstOrDefault(l => l is not null),
        _ => null,
    };
}
