namespace Pipelines.Calibration;

/// <summary>How predicted probabilities are recalibrated.</summary>
public enum CalibrationMethod
{
    /// <summary>Probabilities are kept as the model gives them.</summary>
    None,

    /// <summary>Platt scaling: p' = sigmoid(a·logit(p) + b), per class (one-vs-rest) for more than two classes.</summary>
    Platt,

    /// <summary>Isotonic regression: a non-decreasing piecewise-linear map of p, per class (one-vs-rest) for more than two classes.</summary>
    Isotonic,
}
