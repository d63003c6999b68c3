using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Pipelines.Data;
using Pipelines.Trainers.Trees.Prediction;

namespace Pipelines.MLNet.Trainers;

/// <summary>ML.NET's FastTree regression (FastTreeRegressionTrainer, squared error), read into a <see cref="GbdtModel"/>: the prediction is the sum of the trees.</summary>
public sealed record FastTreeRegressor : FastTreeOptions, Pipelines.Core.IEstimator<GbdtModel>
{
    public DataSchema GetOutputSchema(DataSchema input) => MLNetTraining.OutputSchema(input, regression: true, nameof(FastTreeRegressor));

    public GbdtModel Fit(DataFrame input) => Train(input).Model;

    /// <summary>Fits, keeping ML.NET's trained transformer beside the model read from it (what the parity tests compare).</summary>
    internal MLNetFit<GbdtModel> Train(DataFrame input)
    {
        Validate(nameof(FastTreeRegressor));
        var data = MLNetTraining.Read(nameof(FastTreeRegressor), input, regression: true, allowMissing: false, Seed);
        var options = Apply(new FastTreeRegressionTrainer.Options());
        var fitted = MLNetTraining.Fit(data, "FastTree (regression)", view => data.Context.Regression.Trainers.FastTree(options).Fit(view));
        var ensemble = fitted.Model.TrainedTreeEnsemble;
        return new(MLNetTreeModels.Regression(data, MLNetTreeModels.Trees(data, fitted, ensemble), TreeConversion.Gains(ensemble.Trees, data.Features.Count)), fitted, data);
    }
}
