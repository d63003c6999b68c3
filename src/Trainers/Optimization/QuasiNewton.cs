using System.Numerics.Tensors;
using Pipelines.Core;

namespace Pipelines.Trainers.Optimization;

/// <summary>
/// The iteration shared by <see cref="Lbfgs"/> (no L1 term) and <see cref="OwlQn"/> (with one). Each iteration:
/// <list type="number">
/// <item>v = ◇F(x) (the gradient when there is no L1 term);</item>
/// <item>d = -H v by the two-loop recursion; under L1, components of d that disagree in sign with -v are zeroed;</item>
/// <item>if d is not a descent direction (v·d ≥ 0) the memory is cleared and d = -v;</item>
/// <item>a backtracking Armijo search along d (projected onto the orthant of x under L1) gives x';</item>
/// <item>the pair (x' - x, ∇f(x') - ∇f(x)) of the smooth part is pushed into the memory.</item>
/// </list>
/// The first step (and the first after a reset) starts at α = 1/||v||₂ so its length is at most 1; later ones at α = 1.
/// </summary>
internal static class QuasiNewton
{
    public static OptimizationResult Minimize(IDifferentiableFunction function, ReadOnlySpan<double> start, L1Penalty? l1, OptimizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(options);
        var n = function.Dimension;
        if (start.Length != n) throw new ArgumentException($"The start point has {start.Length} values; the function has {n} parameters.", nameof(start));
        if (l1 is not null && l1.Dimension != n) throw new ArgumentException($"The L1 weights have {l1.Dimension} values; the function has {n} parameters.", nameof(l1));

        double Composite(double[] point, double[] gradient) =>
            function.Evaluate(point, gradient) + (l1?.Value(point) ?? 0.0);

        var x = start.ToArray();
        var g = new double[n];
        var v = new double[n];
        var d = new double[n];
        var orthant = new double[n];
        var xNew = new double[n];
        var gNew = new double[n];
        var step = new double[n];
        var change = new double[n];
        var memory = new LbfgsMemory(n, options.Memory);

        // The trial's token (TrainingContext): checked before the first evaluation and once per iteration.
        var cancellation = TrainingContext.Cancellation;
        cancellation.ThrowIfCancellationRequested();
        var fx = Composite(x, g);
        if (!double.IsFinite(fx)) throw new ArgumentException($"The objective is {fx} at the start point.", nameof(start));
        var history = new List<double> { fx };
        PseudoGradient(l1, x, g, v);
        if (Math.Abs(TensorPrimitives.MaxMagnitude<double>(v)) <= options.GradientTolerance)
            return Result(x, fx, history, StopReason.GradientTolerance);

        var fresh = true;
        for (var iteration = 0; iteration < options.MaxIterations; iteration++)
        {
            cancellation.ThrowIfCancellationRequested();
            v.CopyTo(d);
            memory.Apply(d);
            TensorPrimitives.Negate(d, d);
            l1?.ConstrainDirection(d, v);
            if (!(TensorPrimitives.Dot(v, d) < 0))
            {
                memory.Clear();
                TensorPrimitives.Negate(v, d);
                fresh = true;
            }
            if (l1 is null) Array.Clear(orthant);
            else L1Penalty.Orthant(x, v, orthant);

            var alpha = fresh ? 1.0 / Math.Max(TensorPrimitives.Norm(d), 1e-300) : 1.0;
            alpha = Math.Min(alpha, 1.0);
            var fNew = BacktrackingLineSearch.Search(Composite, l1, x, fx, v, d, orthant, alpha, options.MaxLineSearchSteps, xNew, gNew);
            if (double.IsNaN(fNew))
            {
                if (fresh) return Result(x, fx, history, StopReason.LineSearchFailed);
                memory.Clear();
                fresh = true;
                iteration--; // retry this iteration along steepest descent; a second failure ends the run
                continue;
            }

            TensorPrimitives.Subtract(xNew, x, step);
            TensorPrimitives.Subtract(gNew, g, change);
            memory.Push(step, change);
            fresh = false;
            (x, xNew) = (xNew, x);
            (g, gNew) = (gNew, g);
            var previous = fx;
            fx = fNew;
            history.Add(fx);

            PseudoGradient(l1, x, g, v);
            if (Math.Abs(TensorPrimitives.MaxMagnitude<double>(v)) <= options.GradientTolerance)
                return Result(x, fx, history, StopReason.GradientTolerance);
            var scale = Math.Max(Math.Max(Math.Abs(previous), Math.Abs(fx)), 1.0);
            if ((previous - fx) / scale < options.Tolerance)
                return Result(x, fx, history, StopReason.FunctionTolerance);
        }
        return Result(x, fx, history, StopReason.MaxIterations);
    }

    private static void PseudoGradient(L1Penalty? l1, double[] x, double[] g, double[] v)
    {
        if (l1 is null) g.CopyTo(v);
        else l1.PseudoGradient(x, g, v);
    }

    private static OptimizationResult Result(double[] x, double fx, List<double> history, StopReason reason) =>
        new(x, new OptimizationReport(
            history.Count - 1, fx, reason is StopReason.FunctionTolerance or StopReason.GradientTolerance, reason, [.. history]));
}
