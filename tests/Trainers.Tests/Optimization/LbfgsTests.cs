using Pipelines.Trainers.Optimization;

namespace Pipelines.Trainers.Tests.Optimization;

[TestClass]
public sealed class LbfgsTests
{
    [TestMethod]
    public void FindsTheRosenbrockMinimum()
    {
        var result = Lbfgs.Minimize(new Rosenbrock(), [-1.2, 1.0], new OptimizerOptions { Tolerance = 0, GradientTolerance = 1e-9 });
        Assert.IsTrue(result.Report.Converged, $"stopped by {result.Report.Reason} after {result.Report.Iterations}");
        Assert.AreEqual(1.0, result.Solution[0], 1e-6);
        Assert.AreEqual(1.0, result.Solution[1], 1e-6);
        Assert.IsTrue(result.Report.Iterations < 100, $"{result.Report.Iterations} iterations");
    }

    [TestMethod]
    public void LossHistoryDecreasesAndEndsAtTheFinalLoss()
    {
        var result = Lbfgs.Minimize(new Rosenbrock(), [-1.2, 1.0]);
        var history = result.Report.LossHistory;
        Assert.AreEqual(result.Report.Iterations + 1, history.Count);
        Assert.AreEqual(24.2, history[0], 1e-12);
        for (var k = 1; k < history.Count; k++) Assert.IsTrue(history[k] < history[k - 1], $"step {k}: {history[k]} after {history[k - 1]}");
        Assert.AreEqual(result.Report.FinalLoss, history[^1]);
    }

    [TestMethod]
    public void SolvesAQuadraticExactly()
    {
        // A = M Mᵀ + I (SPD, condition number in the hundreds); b chosen so the solution is known: A x* = b.
        const int n = 6;
        var random = new Random(7);
        var m = new double[n, n];
        for (var i = 0; i < n; i++) for (var j = 0; j < n; j++) m[i, j] = random.NextDouble() * 4 - 2;
        var a = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                for (var k = 0; k < n; k++) a[i, j] += m[i, k] * m[j, k];
                if (i == j) a[i, j] += 0.05;
            }
        }
        double[] expected = [1, -2, 0.5, 3, -0.25, 0];
        var b = new double[n];
        for (var i = 0; i < n; i++) for (var j = 0; j < n; j++) b[i] += a[i, j] * expected[j];

        var result = Lbfgs.Minimize(new Quadratic(a, b), new double[n], new OptimizerOptions { Tolerance = 0, GradientTolerance = 1e-11 });
        Assert.IsTrue(result.Report.Converged, result.Report.Reason.ToString());
        for (var j = 0; j < n; j++) Assert.AreEqual(expected[j], result.Solution[j], 1e-7, $"x[{j}]");
    }

    [TestMethod]
    public void StopsAtTheIterationCap()
    {
        var result = Lbfgs.Minimize(new Rosenbrock(), [-1.2, 1.0], new OptimizerOptions { MaxIterations = 3, Tolerance = 0, GradientTolerance = 0 });
        Assert.AreEqual(3, result.Report.Iterations);
        Assert.IsFalse(result.Report.Converged);
        Assert.AreEqual(StopReason.MaxIterations, result.Report.Reason);
    }

    [TestMethod]
    public void StartingAtTheMinimumTakesNoStep()
    {
        var result = Lbfgs.Minimize(new Rosenbrock(), [1.0, 1.0]);
        Assert.AreEqual(0, result.Report.Iterations);
        Assert.IsTrue(result.Report.Converged);
        CollectionAssert.AreEqual(new[] { 1.0, 1.0 }, result.Solution);
    }

    [TestMethod]
    public void RefusesBadOptionsAndShapes()
    {
        Assert.ThrowsExactly<ArgumentException>(() => Lbfgs.Minimize(new Rosenbrock(), [0.0, 0.0], new OptimizerOptions { Memory = 0 }));
        Assert.ThrowsExactly<ArgumentException>(() => Lbfgs.Minimize(new Rosenbrock(), [0.0, 0.0, 0.0]));
    }
}
