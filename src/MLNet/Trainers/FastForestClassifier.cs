using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Pipelines.Data;
using Pipelines.Trainers.Trees.Forest;

namespace Pipelines.MLNet.Trainers;

/// <summary>
/// ML.NET's FastForest binary classifier (FastForestBinaryTrainer), read into a <see cref="ForestModel"/>. ML.NET gives
/// this model a score and no probability: each tree fits +1 / -1 targets and the score s is the sum of the T trees'
/// leaves, predicting true when s &gt; 0. The model's P(class 1) = (1 + s / T) / 2, the forest's mean share of class 1
/// in the leaves reached, which agrees with ML.NET's label. Binary labels only (see <see cref="FastTreeClassifier"/>).
/// </summary>
public sealed record FastForestClassifier : FastForestOptions, Pipelines.Core.IEstimator<ForestModel>
{
    public DataSchema GetOutputSchema(DataSchema input) => MLNetTraining.OutputSchema(input, regression: false, nameof(FastForestClassifier));

    public ForestModel Fit(DataFrame input) => Train(input).Model;

    /// <summary>Fits, keeping ML.NET's trained transformer beside the model read from it (what the parity tests compare).</summary>
    internal MLNetFit<ForestModel> Train(DataFrame input)
    {
        Validate(nameof(FastForestClassifier));
        var data = MLNetTraining.Read(nameof(FastForestClassifier), input, regression: false, allowMissing: false, Seed);
        BinaryOnly.Check(data, "FastForest");
        var options = Apply(new FastForestBinaryTrainer.Options());
        var fitted = MLNetTraining.Fit(data, "FastForest (binary)", view => data.Context.BinaryClassification.Trainers.FastForest(options).Fit(view));
        var ensemble = fitted.Model.TrainedTreeEnsemble;
        CheckGrew(nameof(FastForestClassifier), ensemble.Trees.Count, data);
        return new(MLNetTreeModels.Forest(data, MLNetTreeModels.Trees(data, fitted, ensemble), TreeConversion.Gains(ensemble.Trees, data.Features.Count)), fitted, data);
    }
}
