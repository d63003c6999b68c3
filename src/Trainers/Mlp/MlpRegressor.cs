using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Prediction;
using Pipelines.Trainers.Neural.Losses;

namespace Pipelines.Trainers.Mlp;

/// <summary>
/// Multilayer-perceptron regressor: one linear output, trained on the weighted mean squared error of the standardized
/// target (y - mean) / std; the fitted model maps back with <see cref="MlpModel.TargetMean"/> and <see cref="MlpModel.TargetScale"/>.
/// Needs numeric features without missing values. See <see cref="MlpOptions"/>.
/// </summary>
public sealed record MlpRegressor : MlpOptions, IEstimator<MlpModel>
{
    public DataSchema GetOutputSchema(DataSchema input) => MlpSchema.Output(nameof(MlpRegressor), input, regression: true);

    public MlpModel Fit(DataFrame input)
    {
        const string step = nameof(MlpRegressor);
        Validate(step);
        var set = TrainingSet.Read(step, input, allowMissing: false, allowCategorical: false, regression: true);
        var y = set.Targets;
        double mean = 0, squares = 0;
        foreach (var v in y) mean += v;
        mean /= y.Length;
        foreach (var v in y) squares += (v - mean) * (v - mean);
        var std = Math.Sqrt(squares / y.Length);
        var scale = std > 1e-12 ? (float)std : 1f;
        var standardized = y.Select(v => (float)((v - mean) / scale)).ToArray();
        var loss = new MSELoss();
        var label = new NumericColumn("label", y);
        var (inputMean, inputScale, layers) = MlpTrainer.Fit(step, this, set, 1, label, (outputs, rows) =>
            loss.Forward(outputs, rows.Select(r => standardized[r]).ToArray(), rows.Select(r => set.Weights[r]).ToArray()));
        return new MlpModel(set.Task, set.Features, [], inputMean, inputScale, layers, (float)mean, scale);
    }
}
