namespace Pipelines.Trainers.Optimization;

/// <summary>
/// Limited-memory BFGS for a smooth objective: x_k+1 = x_k - α_k H_k ∇f(x_k), with H_k built from the last m curvature
/// pairs by the two-loop recursion (<see cref="OptimizerOptions.Memory"/>, default 10) and α_k from a backtracking Armijo
/// line search. Stops on the relative function change, the gradient's largest component, or the iteration cap
/// (<see cref="OptimizerOptions"/>). Deterministic: the same start gives the same result.
/// </summary>
public static class Lbfgs
{
    /// <summary>Minimizes <paramref name="function"/> from <paramref name="start"/>.</summary>
    public static OptimizationResult Minimize(IDifferentiableFunction function, ReadOnlySpan<double> start, OptimizerOptions? options = null)
    {
        options ??= new OptimizerOptions();
        options.Validate(nameof(Lbfgs));
        return QuasiNewton.Minimize(function, start, null, options);
    }
}
