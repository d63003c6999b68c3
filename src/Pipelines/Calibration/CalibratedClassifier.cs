using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.Calibration;

/// <summary>
/// A classifier with calibrated probabilities and a tuned decision rule (as scikit-learn's CalibratedClassifierCV plus a
/// tuned threshold): out-of-fold predictions of <see cref="Learner"/> (<see cref="Folds"/> stratified folds) choose the
/// calibration and tune the rule; the learner is then fitted on all rows and followed by the <see cref="DecisionStep"/>.
/// </summary>
/// <param name="Learner">A classifier, or a chain ending in one, whose output has Probability.&lt;class&gt; columns.</param>
public sealed record CalibratedClassifier(IEstimator<ITransformer> Learner) : IEstimator<TransformerChain>
{
    /// <summary>Folds for the out-of-fold predictions.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Seed of the fold assignment.</summary>
    public int Seed { get; init; }

    /// <summary>Which calibrations to try (<see cref="CalibrationOptions.Off"/> for none).</summary>
    public CalibrationOptions Calibration { get; init; } = new();

    /// <summary>What the decision rule is tuned for; null keeps the plain argmax.</summary>
    public DecisionObjective? Objective { get; init; }

    public DataSchema GetOutputSchema(DataSchema input) => Learner.GetOutputSchema(input);

    public TransformerChain Fit(DataFrame input) => FitWithReport(input).Model;

    /// <summary><see cref="Fit"/>, with the calibration choice and rule tuning behind the decision step.</summary>
    public (TransformerChain Model, DecisionFit Decision) FitWithReport(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Folds < 2) ThrowHelper.BadOption(nameof(CalibratedClassifier), nameof(Folds), Folds, "at least 2 folds");
        var oof = OutOfFoldPredictions.Compute(Learner, input, Folds, Seed);
        var decision = DecisionStep.FitWithReport(oof.Actual, oof.Probabilities, oof.Classes, Calibration, Objective);
        var model = Learner.Fit(input);
        IEnumerable<ITransformer> steps = model is TransformerChain chain ? chain.Steps : [model];
        return (new TransformerChain([.. steps, decision.Step]), decision);
    }
}
