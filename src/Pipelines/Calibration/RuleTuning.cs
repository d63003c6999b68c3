namespace Pipelines.Calibration;

/// <summary>
/// A tuned decision rule with the objective on the rows it was tuned on, next to the plain argmax's.
/// <see cref="Curve"/> is the threshold curve for a binary label; null for more classes. <see cref="HeldOutValue"/> is
/// the objective of the tuned rule's decisions on rows it was not tuned on (<see cref="DecisionRuleTuner.TuneHeldOut"/>),
/// null where that was not checked; <see cref="HeldOutStandardError"/> the standard error of its gain over argmax, null
/// where it was not weighed (no gain, or a margin of 0). <see cref="CrossFitDecisions"/> is each row's class as
/// <see cref="Rule"/> decides it when fitted without the row's part (argmax's decisions where the rule fell back to
/// argmax), null where that was not checked.
/// </summary>
public sealed record RuleTuning(DecisionRule Rule, string Objective, double Value, double ArgMaxValue, ThresholdCurve? Curve, double? HeldOutValue = null,
    double? HeldOutStandardError = null, int[]? CrossFitDecisions = null);
