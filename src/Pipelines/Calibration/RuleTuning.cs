namespace Pipelines.Calibration;

/// <summary>
/// A tuned decision rule with the objective on the rows it was tuned on, next to the plain argmax's.
/// <see cref="Curve"/> is the threshold curve for a binary label; null for more classes.
/// </summary>
public sealed record RuleTuning(DecisionRule Rule, string Objective, double Value, double ArgMaxValue, ThresholdCurve? Curve);
