using Microsoft.ML;
using Microsoft.ML.Trainers;
using Pipelines.Data;
using Pipelines.Trainers.LinearModels;

namespace Pipelines.MLNet.Trainers;

/// <summary>
/// ML.NET's Sdca regression (squared loss by SDCA), read into a <see cref="LinearRegressionModel"/>: ŷ = w·x + b.
/// Numeric features without NaN (impute first), best scaled.
/// </summary>
public sealed record SdcaRegressor : SdcaOptions, Pipelines.Core.IEstimator<LinearRegressionModel>
{
    public DataSchema GetOutputSchema(DataSchema input) => MLNetTraining.OutputSchema(input, regression: true, nameof(SdcaRegressor));

    public LinearRegressionModel Fit(DataFrame input) => Train(input).Model;

    /// <summary>Fits, keeping ML.NET's trained transformer beside the model read from it (what the parity tests compare).</summary>
    internal MLNetFit<LinearRegressionModel> Train(DataFrame input)
    {
        Validate(nameof(SdcaRegressor));
        var data = MLNetTraining.Read(nameof(SdcaRegressor), input, regression: true, allowMissing: false, Seed);
        var options = new SdcaRegressionTrainer.Options
        {
            L1Regularization = L1Regularization, L2Regularization = L2Regularization, ConvergenceTolerance = ConvergenceTolerance,
            MaximumNumberOfIterations = MaximumNumberOfIterations, NumberOfThreads = 1,
            LabelColumnName = TrainingDataView.Label, FeatureColumnName = TrainingDataView.Features, ExampleWeightColumnName = TrainingDataView.Weight,
        };
        var fitted = MLNetTraining.Fit(data, "Sdca (regression)", view => data.Context.Regression.Trainers.Sdca(options).Fit(view));
        return new(MLNetLinearModels.Regression(data, fitted.Model), fitted, data);
    }
}
