using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Pipelines.Data;
using Pipelines.Trainers.Trees.Prediction;

namespace Pipelines.MLNet.Trainers;

/// <summary>
/// ML.NET's FastTree binary classifier (FastTreeBinaryTrainer), read into a <see cref="GbdtModel"/>: P(class 1) =
/// 1 / (1 + e^(slope · s + offset)) with ML.NET's Platt calibrator (slope = -2 · learning rate, offset 0) and s the sum
/// of the trees. Binary labels only: ML.NET has no multiclass FastTree (Microsoft.ML.AutoML wraps it one-versus-all,
/// which this project does not), so a label of more classes is refused.
/// </summary>
public sealed record FastTreeClassifier : FastTreeOptions, Pipelines.Core.IEstimator<GbdtModel>
{
    public DataSchema GetOutputSchema(DataSchema input) => MLNetTraining.OutputSchema(input, regression: false, nameof(FastTreeClassifier));

    public GbdtModel Fit(DataFrame input) => Train(input).Model;

    /// <summary>Fits, keeping ML.NET's trained transformer beside the model read from it (what the parity tests compare).</summary>
    internal MLNetFit<GbdtModel> Train(DataFrame input)
    {
        Validate(nameof(FastTreeClassifier));
        var data = MLNetTraining.Read(nameof(FastTreeClassifier), input, regression: false, allowMissing: false, Seed);
        BinaryOnly.Check(data, "FastTree");
        var options = Apply(new FastTreeBinaryTrainer.Options());
        var fitted = MLNetTraining.Fit(data, "FastTree (binary)", view => data.Context.BinaryClassification.Trainers.FastTree(options).Fit(view));
        var model = fitted.Model;
        var ensemble = model.SubModel.TrainedTreeEnsemble;
        var trees = MLNetTreeModels.Trees(data, fitted, ensemble);
        return new(MLNetTreeModels.Binary(data, trees, model.Calibrator.Slope, model.Calibrator.Offset, TreeConversion.Gains(ensemble.Trees, data.Features.Count)), fitted, data);
    }
}
