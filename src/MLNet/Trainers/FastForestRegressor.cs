using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Pipelines.Data;
using Pipelines.Trainers.Trees.Forest;

namespace Pipelines.MLNet.Trainers;

/// <summary>ML.NET's FastForest regression (FastForestRegressionTrainer), read into a <see cref="ForestModel"/>: the prediction is the mean of the trees.</summary>
public sealed record FastForestRegressor : FastForestOptions, Pipelines.Core.IEstimator<ForestModel>
{
    public DataSchema GetOutputSchema(DataSchema input) => MLNetTraining.OutputSchema(input, regression: true, nameof(FastForestRegressor));

    public ForestModel Fit(DataFrame input) => Train(input).Model;

    /// <summary>Fits, keeping ML.NET's trained transformer beside the model read from it (what the parity tests compare).</summary>
    internal MLNetFit<ForestModel> Train(DataFrame input)
    {
        Validate(nameof(FastForestRegressor));
        var data = MLNetTraining.Read(nameof(FastForestRegressor), input, regression: true, allowMissing: false, Seed);
        var options = Apply(new FastForestRegressionTrainer.Options());
        var fitted = MLNetTraining.Fit(data, "FastForest (regression)", view => data.Context.Regression.Trainers.FastForest(options).Fit(view));
        var ensemble = fitted.Model.TrainedTreeEnsemble;
        CheckGrew(nameof(FastForestRegressor), ensemble.Trees.Count, data);
        return new(MLNetTreeModels.Forest(data, MLNetTreeModels.Trees(data, fitted, ensemble), TreeConversion.Gains(ensemble.Trees, data.Features.Count)), fitted, data);
    }
}
