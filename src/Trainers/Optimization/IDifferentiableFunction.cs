namespace Pipelines.Trainers.Optimization;

/// <summary>
/// A smooth objective f: R^n -> R that the quasi-Newton optimizers minimize. One call gives the value and the gradient,
/// since both share most of the work (the linear scores of every row, for a learner's loss).
/// </summary>
public interface IDifferentiableFunction
{
    /// <summary>The number of parameters n.</summary>
    int Dimension { get; }

    /// <summary>Returns f(x) and writes ∇f(x) into <paramref name="gradient"/> (length n, overwritten).</summary>
    double Evaluate(ReadOnlySpan<double> x, Span<double> gradient);
}
