using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Prediction;
using Pipelines.Trainers.Neural.Losses;

namespace Pipelines.Trainers.Mlp;

/// <summary>
/// Multilayer-perceptron classifier: softmax outputs over the classes, trained on the weighted cross-entropy
/// loss = -sum_i s_i w_(y_i) log p_i(y_i) / sum_i s_i w_(y_i) (s: row weights, w: <see cref="MlpClassWeights"/>).
/// Needs numeric features without missing values. See <see cref="MlpOptions"/>.
/// </summary>
public sealed record MlpClassifier : MlpOptions, IEstimator<MlpModel>
{
    /// <summary>Per-class loss weights; null weighs every class 1.</summary>
    public MlpClassWeights? ClassWeights { get; init; }

    public DataSchema GetOutputSchema(DataSchema input) =>
        MlpSchema.Output(nameof(MlpClassifier), input, regression: false);

    public MlpModel Fit(DataFrame input)
    {
        const string step = nameof(MlpClassifier);
        Validate(step);
        var set = TrainingSet.Read(step, input, allowMissing: false, allowCategorical: false);
        var k = set.Classes.Count;
        var codes = set.ClassCodes;
        var classWeights = ClassWeights?.Resolve(codes, k, step);
        var loss = new CrossEntropyLoss(classWeights);
        var label = new CategoricalColumn("label", codes, [.. set.Classes]);
        var (mean, scale, layers) = MlpTrainer.Fit(step, this, set, k, label, (outputs, rows) =>
            loss.Forward(outputs, rows.Select(r => codes[r]).ToArray(), rows.Select(r => set.Weights[r]).ToArray()));
        return new MlpModel(set.Task, set.Features, set.Classes, mean, scale, layers, 0f, 1f);
    }
}
