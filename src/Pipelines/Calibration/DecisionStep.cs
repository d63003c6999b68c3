using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Persistence;
using Pipelines.Prediction;

namespace Pipelines.Calibration;

/// <summary>
/// The fitted step after a classifier: reads its Probability.&lt;class&gt; columns (<see cref="PredictionColumns"/>),
/// replaces them with calibrated probabilities (<see cref="Calibration"/>) and writes the PredictedLabel that
/// <see cref="Rule"/> decides from them. Build it with <see cref="Fit"/> from out-of-fold predictions, or let
/// <see cref="CalibratedClassifier"/> do the cross-fitting.
/// </summary>
[PersistedType("decision-step")]
public sealed class DecisionStep : ITransformer
{
    public DecisionStep(IReadOnlyList<string> classes, ProbabilityCalibration calibration, DecisionRule rule)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(rule);
        if (classes.Count < 2 || classes.Distinct(StringComparer.Ordinal).Count() != classes.Count)
            throw new ArgumentException($"DecisionStep: needs two or more distinct class names, got {string.Join(", ", classes)}.", nameof(classes));
        if (rule.ClassCount != classes.Count)
            throw new ArgumentException($"DecisionStep: the rule is for {rule.ClassCount} classes but there are {classes.Count}.", nameof(rule));
        var calibrators = classes.Count == 2 ? 1 : classes.Count;
        if (calibration.Method != CalibrationMethod.None && calibration.Calibrators.Count != calibrators)
            throw new ArgumentException($"DecisionStep: {classes.Count} classes need {calibrators} calibrator(s), got {calibration.Calibrators.Count}.", nameof(calibration));
        Classes = [.. classes];
        Calibration = calibration;
        Rule = rule;
    }

    /// <summary>Class names in the order of the classifier's probability columns.</summary>
    public IReadOnlyList<string> Classes { get; }

    public ProbabilityCalibration Calibration { get; }

    public DecisionRule Rule { get; }

    /// <summary>
    /// Chooses a calibration for the out-of-fold <paramref name="probabilities"/> (row-major, one per class) by
    /// cross-validated log loss, then tunes a decision rule for <paramref name="objective"/> (null: plain argmax) on the
    /// probabilities as that calibration gives each row when fitted without the row's fold
    /// (<see cref="CalibrationChoice.CrossValidated"/>), the probabilities new rows meet, kept where it holds up on rows
    /// it was not tuned on (<see cref="DecisionRuleTuner.TuneHeldOut"/>).
    /// </summary>
    public static DecisionStep Fit(ReadOnlySpan<int> actual, ReadOnlySpan<float> probabilities, IReadOnlyList<string> classes,
        CalibrationOptions? calibration = null, DecisionObjective? objective = null) =>
        FitWithReport(actual, probabilities, classes, calibration, objective).Step;

    /// <summary><see cref="Fit"/>, with what was chosen and why: the calibration's log losses and the rule's objective and threshold curve.</summary>
    public static DecisionFit FitWithReport(ReadOnlySpan<int> actual, ReadOnlySpan<float> probabilities, IReadOnlyList<string> classes,
        CalibrationOptions? calibration = null, DecisionObjective? objective = null)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var k = classes.Count;
        var choice = CalibrationSelector.Select(actual, probabilities, k, calibration);
        // Not the all-rows calibration applied to the same rows: that map was fitted on them, so a rule tuned and
        // checked through it would be judged on probabilities no new row gets.
        var calibrated = choice.OutOfFold(probabilities, k);
        var tuning = objective is null ? null : DecisionRuleTuner.TuneHeldOut(actual, calibrated, classes, objective);
        var step = new DecisionStep(classes, choice.Calibration, tuning?.Rule ?? ClassWeightRule.ArgMax(k));
        return new DecisionFit(step, choice, tuning, tuning?.CrossFitDecisions ?? step.Rule.Decide(calibrated, k));
    }

    public DataSchema GetOutputSchema(DataSchema input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ColumnSelection.Require(nameof(DecisionStep), input, ProbabilityColumns, ColumnKind.Numeric);
        var label = new ColumnSchema(PredictionColumns.PredictedLabel, ColumnKind.Categorical);
        return input.Contains(label.Name)
            ? new DataSchema(input.Columns.Select(c => c.Name == label.Name ? label : c))
            : new DataSchema([.. input.Columns, label]);
    }

    public DataFrame Transform(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        GetOutputSchema(input.Schema);
        var k = Classes.Count;
        var rows = input.RowCount;
        var raw = FeatureMatrix.RowMajor(input, ProbabilityColumns);
        var probabilities = Calibration.Apply(raw, k);
        var labels = Rule.Decide(probabilities, k);
        var outputs = new Column[k + 1];
        outputs[0] = new CategoricalColumn(PredictionColumns.PredictedLabel, labels, [.. Classes]);
        for (var c = 0; c < k; c++)
        {
            var values = new float[rows];
            for (var r = 0; r < rows; r++) values[r] = probabilities[r * k + c];
            outputs[c + 1] = new NumericColumn(ProbabilityColumns[c], values);
        }
        return input.With(outputs);
    }

    private IReadOnlyList<string> ProbabilityColumns => [.. Classes.Select(PredictionColumns.Probability)];
}

/// <summary>
/// A fitted <see cref="DecisionStep"/> with the calibration choice and the rule tuning behind it (null rule tuning: plain
/// argmax), and <see cref="CrossFitLabels"/>: the class the step decides for each row it was fitted on, with a tuned
/// rule cross-fitted (<see cref="RuleTuning.CrossFitDecisions"/>) so the labels score the rule as new rows would, not as
/// the rows it was tuned to, on each row's probabilities as its calibration gives them when fitted without the row's
/// fold (<see cref="CalibrationChoice.CrossValidated"/>). So both the calibration and the rule are cross-fitted.
/// </summary>
public sealed record DecisionFit(DecisionStep Step, CalibrationChoice Calibration, RuleTuning? Rule, int[] CrossFitLabels);
