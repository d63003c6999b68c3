namespace Pipelines.Trainers.Optimization;

/// <summary>Why an optimizer stopped.</summary>
public enum StopReason
{
    /// <summary>The relative change of the objective fell below the tolerance.</summary>
    FunctionTolerance,

    /// <summary>The (pseudo-)gradient's largest component fell below the gradient tolerance.</summary>
    GradientTolerance,

    /// <summary>The iteration cap was reached first.</summary>
    MaxIterations,

    /// <summary>No step along the search direction decreased the objective enough (usually: at the precision limit).</summary>
    LineSearchFailed,

    /// <summary>Another library trained the model (ML.NET's trainers) and does not report its optimizer's run.</summary>
    NotReported,
}

/// <summary>
/// What an optimization run did. <see cref="LossHistory"/> holds f(x_0), f(x_1), ..., f(x_k): one entry per accepted
/// iterate, starting with the initial point, so it has <see cref="Iterations"/> + 1 entries.
/// </summary>
/// <param name="Iterations">Accepted steps taken.</param>
/// <param name="FinalLoss">The objective at the returned point.</param>
/// <param name="Converged">True when a tolerance was met (not the iteration cap, not a failed line search).</param>
/// <param name="Reason">Why it stopped.</param>
/// <param name="LossHistory">The objective after each accepted step, starting at the initial point.</param>
public sealed record OptimizationReport(int Iterations, double FinalLoss, bool Converged, StopReason Reason, IReadOnlyList<double> LossHistory)
{
    /// <summary>The report of a model another library trained: no iterations or losses known (<see cref="StopReason.NotReported"/>).</summary>
    public static OptimizationReport NotReported { get; } = new(0, double.NaN, false, StopReason.NotReported, []);
}

/// <summary>The minimizer found and the report of the run that found it.</summary>
public sealed record OptimizationResult(double[] Solution, OptimizationReport Report);
