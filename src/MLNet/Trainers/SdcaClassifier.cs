using Microsoft.ML;
using Microsoft.ML.Trainers;
using Pipelines.Data;
using Pipelines.Trainers.LinearModels;

namespace Pipelines.MLNet.Trainers;

/// <summary>
/// ML.NET's SdcaMaximumEntropy (multinomial logistic regression by SDCA), read into a <see cref="SoftmaxRegressionModel"/>:
/// P = softmax(W x + b). A binary label is trained as two classes (P is then the softmax of two scores). Numeric features
/// without NaN (impute first), best scaled.
/// </summary>
public sealed record SdcaClassifier : SdcaOptions, Pipelines.Core.IEstimator<SoftmaxRegressionModel>
{
    public DataSchema GetOutputSchema(DataSchema input) => MLNetTraining.OutputSchema(input, regression: false, nameof(SdcaClassifier));

    public SoftmaxRegressionModel Fit(DataFrame input) => Train(input).Model;

    /// <summary>Fits, keeping ML.NET's trained transformer beside the model read from it (what the parity tests compare).</summary>
    internal MLNetFit<SoftmaxRegressionModel> Train(DataFrame input)
    {
        Validate(nameof(SdcaClassifier));
        var data = MLNetTraining.Read(nameof(SdcaClassifier), input, regression: false, allowMissing: false, Seed, classesAsKey: true);
        var options = new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            L1Regularization = L1Regularization, L2Regularization = L2Regularization, ConvergenceTolerance = ConvergenceTolerance,
            MaximumNumberOfIterations = MaximumNumberOfIterations, NumberOfThreads = 1,
            LabelColumnName = TrainingDataView.Label, FeatureColumnName = TrainingDataView.Features, ExampleWeightColumnName = TrainingDataView.Weight,
        };
        var fitted = MLNetTraining.Fit(data, "SdcaMaximumEntropy", view => data.Context.MulticlassClassification.Trainers.SdcaMaximumEntropy(options).Fit(view));
        return new(MLNetLinearModels.Softmax(data, fitted.Model), fitted, data);
    }
}
