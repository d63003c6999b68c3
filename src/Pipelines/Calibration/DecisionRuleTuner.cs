namespace Pipelines.Calibration;

/// <summary>
/// Fits a decision rule on out-of-fold (calibrated) probabilities for an objective: a <see cref="ThresholdRule"/> for
/// two classes (the threshold on the positive class's probability that scores best), a <see cref="ClassWeightRule"/>
/// for more (per-class weights by coordinate search). The positive class is the objective's, or else the rarest class
/// among the rows (ties: the higher code).
/// </summary>
public static class DecisionRuleTuner
{
    /// <param name="actual">Class code of each row.</param>
    /// <param name="probabilities">Row-major class probabilities, <paramref name="classes"/>.Count per row.</param>
    /// <param name="classes">Class names by code.</param>
    /// <param name="objective">What to optimize.</param>
    public static RuleTuning Tune(ReadOnlySpan<int> actual, ReadOnlySpan<float> probabilities, IReadOnlyList<string> classes, DecisionObjective objective)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(objective);
        var k = classes.Count;
        CalibrationInput.Check(nameof(DecisionRuleTuner), actual, probabilities, k);
        if (objective.Kind == DecisionObjectiveKind.Cost) objective = DecisionObjective.MinimizeCost(objective.Costs!.For(classes));
        var positive = PositiveClass(actual, classes, objective);
        var name = objective.Describe(classes[positive]);
        return k == 2
            ? ThresholdTuner.Tune(actual, probabilities, positive, objective, name, classes[positive])
            : ClassWeightTuner.Tune(actual, probabilities, k, objective, positive, name);
    }

    /// <summary>The objective's positive class, or the rarest class present (ties: the higher code).</summary>
    private static int PositiveClass(ReadOnlySpan<int> actual, IReadOnlyList<string> classes, DecisionObjective objective)
    {
        if (objective.PositiveClass is { } name)
        {
            for (var c = 0; c < classes.Count; c++) if (string.Equals(classes[c], name, StringComparison.Ordinal)) return c;
            throw new ArgumentException($"DecisionRuleTuner: positive class '{name}' is not a class of the model ({string.Join(", ", classes.Select(c => $"'{c}'"))}).");
        }
        var counts = new int[classes.Count];
        foreach (var code in actual) counts[code]++;
        var rarest = -1;
        for (var c = classes.Count - 1; c >= 0; c--)
        {
            if (counts[c] > 0 && (rarest < 0 || counts[c] < counts[rarest])) rarest = c;
        }
        return rarest;
    }
}
