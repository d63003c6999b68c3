namespace Pipelines.AutoML.Tuners;

/// <summary>Checks shared by the tuners' Report methods.</summary>
internal static class TrialRecord
{
    /// <summary>The loss to learn from: +infinity for a failed trial or a NaN loss, so it ranks last.</summary>
    public static double EffectiveLoss(double loss, bool failed) => failed || double.IsNaN(loss) ? double.PositiveInfinity : loss;

    public static void CheckCost(double cost)
    {
        if (!(cost >= 0) || double.IsInfinity(cost))
            throw new ArgumentOutOfRangeException(nameof(cost), cost, "A trial's cost is seconds: finite and >= 0.");
    }

    public static InvalidOperationException Exhausted(string tuner) =>
        new($"{tuner} has proposed every configuration (IsDone is true); check IsDone before Propose.");

    public static ArgumentException Unknown(string tuner, Trial trial) =>
        new($"{tuner} did not propose trial {trial.Id}, or it was reported already.", nameof(trial));
}
