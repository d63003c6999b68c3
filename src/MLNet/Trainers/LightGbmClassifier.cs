using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;
using Pipelines.Data;
using Pipelines.Trainers.Trees.Prediction;

namespace Pipelines.MLNet.Trainers;

/// <summary>
/// ML.NET's LightGbm for classification, read into a <see cref="GbdtModel"/>. Binary: LightGbmBinaryTrainer, whose
/// probability is ML.NET's Platt link P(class 1) = 1 / (1 + e^(-σ · s)) with σ its Sigmoid (0.5) and s the sum of the
/// trees. Multiclass: LightGbmMulticlassTrainer with UseSoftmax = true, so P = softmax(s) over the classes' tree sums
/// (ML.NET's automatic choice below 50,000 rows is one-versus-all sigmoids normalized to sum to 1, a link the project's
/// model does not have). Numeric features only; NaN is LightGBM's missing value.
/// </summary>
public sealed record LightGbmClassifier : LightGbmOptions, Pipelines.Core.IEstimator<GbdtModel>
{
    public DataSchema GetOutputSchema(DataSchema input) => MLNetTraining.OutputSchema(input, regression: false, nameof(LightGbmClassifier));

    public GbdtModel Fit(DataFrame input) => Train(input).Model;

    /// <summary>Fits, keeping ML.NET's trained transformer beside the model read from it (what the parity tests compare).</summary>
    internal MLNetFit<GbdtModel> Train(DataFrame input)
    {
        Validate(nameof(LightGbmClassifier));
        var data = MLNetTraining.Read(nameof(LightGbmClassifier), input, regression: false, allowMissing: true, Seed);
        var threads = MLNetTraining.Threads(this);
        if (data.Task == PredictionTask.BinaryClassification)
        {
            var options = new LightGbmBinaryTrainer.Options
            {
                NumberOfIterations = NumberOfIterations, LearningRate = LearningRate, NumberOfLeaves = NumberOfLeaves,
                MinimumExampleCountPerLeaf = MinimumExampleCountPerLeaf, MaximumBinCountPerFeature = MaximumBinCountPerFeature,
                Booster = Booster(), NumberOfThreads = threads, Seed = Seed, Deterministic = true,
                LabelColumnName = TrainingDataView.Label, FeatureColumnName = TrainingDataView.Features, ExampleWeightColumnName = TrainingDataView.Weight,
            };
            var fitted = MLNetTraining.Fit(data, "LightGbm (binary)", view => data.Context.BinaryClassification.Trainers.LightGbm(options).Fit(view));
            var model = fitted.Model;
            var ensemble = model.SubModel.TrainedTreeEnsemble;
            var trees = MLNetTreeModels.Trees(data, fitted, ensemble);
            return new(MLNetTreeModels.Binary(data, trees, model.Calibrator.Slope, model.Calibrator.Offset, TreeConversion.Gains(ensemble.Trees, data.Features.Count)), fitted, data);
        }
        var multiclass = new LightGbmMulticlassTrainer.Options
        {
            NumberOfIterations = NumberOfIterations, LearningRate = LearningRate, NumberOfLeaves = NumberOfLeaves,
            MinimumExampleCountPerLeaf = MinimumExampleCountPerLeaf, MaximumBinCountPerFeature = MaximumBinCountPerFeature,
            Booster = Booster(), NumberOfThreads = threads, Seed = Seed, Deterministic = true, UseSoftmax = true,
            LabelColumnName = TrainingDataView.Label, FeatureColumnName = TrainingDataView.Features, ExampleWeightColumnName = TrainingDataView.Weight,
        };
        var trained = MLNetTraining.Fit(data, "LightGbm (multiclass)", view => data.Context.MulticlassClassification.Trainers.LightGbm(multiclass).Fit(view));
        return new(MLNetTreeModels.Softmax(data, MLNetTreeModels.TreesPerClass(data, trained)), trained, data);
    }
}
