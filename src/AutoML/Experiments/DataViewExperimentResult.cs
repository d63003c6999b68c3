using Microsoft.ML;
using Pipelines.Data;
using Pipelines.MLNet;

namespace Pipelines.AutoML.Experiments;

/// <summary>An experiment run on an IDataView: what it found, and the frame the view was read into (the model's input schema).</summary>
/// <param name="Experiment">The experiment's result; <see cref="ExperimentResult.Model"/> is the final fitted pipeline.</param>
/// <param name="Data">The training rows as the experiment saw them.</param>
public sealed record DataViewExperimentResult(ExperimentResult Experiment, DataFrame Data)
{
    /// <summary>The final model as an ML.NET model (see <see cref="MLNetModel"/>): predict with a PredictionEngine, save with <see cref="MLNetModel.Save"/>.</summary>
    public MLNetModel ToMLNetModel(MLContext mlContext) => MLNetModel.FromPipeline(mlContext, Experiment.Model, Data);
}
