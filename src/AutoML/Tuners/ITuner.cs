namespace Pipelines.AutoML.Tuners;

/// <summary>
/// A tuner over a space's normalized unit cube: propose a trial, evaluate it, report the loss (lower is better; the
/// experiment turns metrics into losses) and the cost in seconds. Tuners are seeded and deterministic: the same
/// seed and the same reports give the same proposals. A failed trial counts as worse than any finished one.
/// </summary>
public interface ITuner
{
    /// <summary>True when the tuner has nothing left to propose (an exhausted grid); <see cref="Propose"/> then throws.</summary>
    bool IsDone { get; }

    /// <summary>The next configuration to evaluate.</summary>
    Trial Propose();

    /// <summary>The outcome of <paramref name="trial"/>: its loss (ignored when failed), its cost in seconds, and whether it failed.</summary>
    void Report(Trial trial, double loss, double cost, bool failed);
}
