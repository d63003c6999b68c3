using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Trainers.Trees.Prediction;

namespace Pipelines.Trainers.Trees;

/// <summary>
/// Histogram gradient-boosted trees for classification (LightGBM / XGBoost-hist design): binary log loss on one score
/// (P = sigmoid(F)), or softmax over one score per class with one tree per class per round. Reads numeric and
/// categorical features natively, NaN and missing categories included; text columns must be dropped or encoded first.
/// </summary>
public sealed record GbdtClassifier : GbdtOptions, IEstimator<GbdtModel>
{
    /// <summary>Weight multiplier per class name (classes not named keep 1), applied to the sample weights.</summary>
    public IReadOnlyDictionary<string, double>? ClassWeights { get; init; }

    /// <summary>Binary only: weight multiplier of the second class (class code 1, the 'positive' class), as XGBoost's scale_pos_weight.</summary>
    public double ScalePosWeight { get; init; } = 1;

    public DataSchema GetOutputSchema(DataSchema input) => GbdtFitting.OutputSchema(input, regression: false, nameof(GbdtClassifier));

    public GbdtModel Fit(DataFrame input) => GbdtFitting.Fit(this, input, regression: false, nameof(GbdtClassifier), Multipliers);

    private double[] Multipliers(IReadOnlyList<string> classes)
    {
        if (!(ScalePosWeight > 0) || double.IsInfinity(ScalePosWeight))
            Errors.ThrowHelper.BadOption(nameof(GbdtClassifier), nameof(ScalePosWeight), ScalePosWeight, "a positive number");
        var multipliers = new double[classes.Count];
        for (var c = 0; c < classes.Count; c++)
        {
            multipliers[c] = ClassWeights is not null && ClassWeights.TryGetValue(classes[c], out var w) ? w : 1;
            if (!(multipliers[c] >= 0) || double.IsInfinity(multipliers[c]))
                Errors.ThrowHelper.BadOption(nameof(GbdtClassifier), nameof(ClassWeights), multipliers[c], $"a finite weight of at least 0 for class '{classes[c]}'");
        }
        if (classes.Count == 2) multipliers[1] *= ScalePosWeight;
        else if (ScalePosWeight != 1)
            Errors.ThrowHelper.BadOption(nameof(GbdtClassifier), nameof(ScalePosWeight), ScalePosWeight, "1 for a multiclass label (use ClassWeights)");
        return multipliers;
    }
}
