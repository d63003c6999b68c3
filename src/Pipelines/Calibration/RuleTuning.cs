namespace Pipelines.Calibration;

/// <summary>
/// A tuned decision rule with the objective on the rows it was tuned on, next to the plain argmax's.
/// <see cref="Curve"/> is the threshold curve for a binary label; null for more classes. <see cref="HeldOutValue"/> is
/// the objective of the rule's decisions on rows it was not tuned on (<see cref="DecisionRuleTuner.TuneHeldOut"/>), null
/// where that was not checked; <see cref="HeldOutStandardError"/> the standard error of its gain over argmax, null where
/// it was not weighed (no gain, or a margin of 0).
/// </summary>
public sealed record RuleTuning(DecisionRule Rule, string Objective, double Value, double ArgMaxValue, ThresholdCurve? Curve, double? HeldOutValue = null,
    double? HeldOutStandardError = null);
