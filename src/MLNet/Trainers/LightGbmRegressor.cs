using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;
using Pipelines.Data;
using Pipelines.Trainers.Trees.Prediction;

namespace Pipelines.MLNet.Trainers;

/// <summary>
/// ML.NET's LightGbm for regression (LightGbmRegressionTrainer, squared error), read into a <see cref="GbdtModel"/>: the
/// prediction is the sum of the trees. Numeric features only; NaN is LightGBM's missing value.
/// </summary>
public sealed record LightGbmRegressor : LightGbmOptions, Pipelines.Core.IEstimator<GbdtModel>
{
    public DataSchema GetOutputSchema(DataSchema input) => MLNetTraining.OutputSchema(input, regression: true, nameof(LightGbmRegressor));

    public GbdtModel Fit(DataFrame input) => Train(input).Model;

    /// <summary>Fits, keeping ML.NET's trained transformer beside the model read from it (what the parity tests compare).</summary>
    internal MLNetFit<GbdtModel> Train(DataFrame input)
    {
        Validate(nameof(LightGbmRegressor));
        var data = MLNetTraining.Read(nameof(LightGbmRegressor), input, regression: true, allowMissing: true, Seed);
        var options = new LightGbmRegressionTrainer.Options
        {
            NumberOfIterations = NumberOfIterations, LearningRate = LearningRate, NumberOfLeaves = NumberOfLeaves,
            MinimumExampleCountPerLeaf = MinimumExampleCountPerLeaf, MaximumBinCountPerFeature = MaximumBinCountPerFeature,
            Booster = Booster(), NumberOfThreads = MLNetTraining.Threads(this), Seed = Seed, Deterministic = true,
            LabelColumnName = TrainingDataView.Label, FeatureColumnName = TrainingDataView.Features, ExampleWeightColumnName = TrainingDataView.Weight,
        };
        var fitted = MLNetTraining.Fit(data, "LightGbm (regression)", view => data.Context.Regression.Trainers.LightGbm(options).Fit(view));
        var ensemble = fitted.Model.TrainedTreeEnsemble;
        return new(MLNetTreeModels.Regression(data, MLNetTreeModels.Trees(data, fitted, ensemble), TreeConversion.Gains(ensemble.Trees, data.Features.Count)), fitted, data);
    }
}
