using Pipelines.Errors;

namespace Pipelines.Trainers.Optimization;

/// <summary>Settings shared by <see cref="Lbfgs"/> and <see cref="OwlQn"/>.</summary>
public sealed record OptimizerOptions
{
    /// <summary>Pairs (s, y) kept for the inverse-Hessian approximation, m (default 10).</summary>
    public int Memory { get; init; } = 10;

    /// <summary>
    /// Stop when the relative decrease of the objective over one iteration,
    /// |f_k-1 - f_k| / max(|f_k-1|, |f_k|, 1), falls below this (default 1e-7).
    /// </summary>
    public double Tolerance { get; init; } = 1e-7;

    /// <summary>Stop when ||g||_∞ ≤ this, with g the gradient (the pseudo-gradient under L1); default 1e-6.</summary>
    public double GradientTolerance { get; init; } = 1e-6;

    /// <summary>Most iterations (each is one search direction and one line search); default 1000.</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>Most function evaluations within one line search before it gives up; default 40.</summary>
    public int MaxLineSearchSteps { get; init; } = 40;

    internal void Validate(string step)
    {
        if (Memory < 1) ThrowHelper.BadOption(step, nameof(Memory), Memory, "an integer >= 1");
        if (!(Tolerance >= 0) || double.IsInfinity(Tolerance)) ThrowHelper.BadOption(step, nameof(Tolerance), Tolerance, "a finite number >= 0");
        if (!(GradientTolerance >= 0) || double.IsInfinity(GradientTolerance))
            ThrowHelper.BadOption(step, nameof(GradientTolerance), GradientTolerance, "a finite number >= 0");
        if (MaxIterations < 1) ThrowHelper.BadOption(step, nameof(MaxIterations), MaxIterations, "an integer >= 1");
        if (MaxLineSearchSteps < 1) ThrowHelper.BadOption(step, nameof(MaxLineSearchSteps), MaxLineSearchSteps, "an integer >= 1");
    }
}
