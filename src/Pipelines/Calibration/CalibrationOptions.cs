namespace Pipelines.Calibration;

/// <summary>
/// Which calibrations to try on out-of-fold predictions and how to choose: each candidate is scored by its
/// cross-validated log loss over the out-of-fold rows (<see cref="Folds"/> stratified folds, seeded); "none" is always
/// scored too and wins unless a candidate is lower (by more than one standard error, see <see cref="OneStandardErrorRule"/>).
/// </summary>
public sealed record CalibrationOptions
{
    /// <summary>Methods tried besides <see cref="CalibrationMethod.None"/>; empty turns calibration off.</summary>
    public IReadOnlyList<CalibrationMethod> Candidates { get; init; } = [CalibrationMethod.Platt, CalibrationMethod.Isotonic];

    /// <summary>Folds over the out-of-fold rows to score each candidate on rows it was not fitted on.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Seed of the fold assignment.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Take the simplest method (none, then Platt, then isotonic) whose log loss is within one standard error of the
    /// lowest (the standard error of the per-row loss differences), as the one-standard-error rule of model selection:
    /// a calibrator that wins by less than the noise of the comparison does not win on new rows either. False takes the lowest.
    /// </summary>
    public bool OneStandardErrorRule { get; init; } = true;

    /// <summary>No calibration: probabilities are kept as the model gives them.</summary>
    public static CalibrationOptions Off { get; } = new() { Candidates = [] };
}
