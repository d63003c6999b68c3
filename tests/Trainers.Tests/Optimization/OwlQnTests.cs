using Pipelines.Trainers.Optimization;

namespace Pipelines.Trainers.Tests.Optimization;

[TestClass]
public sealed class OwlQnTests
{
    // Orthogonal design: columns of a scaled Hadamard matrix, XᵀX = 8 I.
    private static readonly double[,] Design = Hadamard8();

    [TestMethod]
    public void LassoOnAnOrthogonalDesignIsSoftThresholding()
    {
        double[] truth = [3, -2, 0.4, 0, -0.3, 1, 0, 0.05];
        var y = new double[8];
        var random = new Random(3);
        for (var i = 0; i < 8; i++)
        {
            for (var j = 0; j < 8; j++) y[i] += Design[i, j] * truth[j];
            y[i] += 0.1 * (random.NextDouble() - 0.5);
        }
        const double lambda = 2.5;
        var z = new double[8];
        for (var j = 0; j < 8; j++) for (var i = 0; i < 8; i++) z[j] += Design[i, j] * y[i];
        var expected = z.Select(v => Math.Sign(v) * Math.Max(Math.Abs(v) - lambda, 0) / 8).ToArray();
        Assert.IsTrue(expected.Count(e => e == 0) >= 3, "the problem should have several exact zeros");

        var result = OwlQn.Minimize(new OrthogonalLeastSquares(Design, y), new double[8], Enumerable.Repeat(lambda, 8).ToArray(),
            new OptimizerOptions { Tolerance = 0, GradientTolerance = 1e-10 });

        Assert.IsTrue(result.Report.Converged, result.Report.Reason.ToString());
        for (var j = 0; j < 8; j++)
        {
            if (expected[j] == 0) Assert.AreEqual(0.0, result.Solution[j], $"w[{j}] should be exactly zero");
            else Assert.AreEqual(expected[j], result.Solution[j], 1e-8, $"w[{j}]");
        }
    }

    [TestMethod]
    public void UnpenalizedCoordinatesAreNotShrunk()
    {
        double[] y = [1, 2, 3, 4, 5, 6, 7, 8];
        var z = new double[8];
        for (var j = 0; j < 8; j++) for (var i = 0; i < 8; i++) z[j] += Design[i, j] * y[i];
        var lambda = new double[8];
        Array.Fill(lambda, 1000.0);
        lambda[0] = 0; // the first column (all ones) is free, as an intercept
        var result = OwlQn.Minimize(new OrthogonalLeastSquares(Design, y), new double[8], lambda,
            new OptimizerOptions { Tolerance = 0, GradientTolerance = 1e-10 });
        Assert.AreEqual(z[0] / 8, result.Solution[0], 1e-9);
        for (var j = 1; j < 8; j++) Assert.AreEqual(0.0, result.Solution[j]);
    }

    [TestMethod]
    public void WithoutL1ItMatchesLbfgs()
    {
        var plain = Lbfgs.Minimize(new Rosenbrock(), [-1.2, 1.0]);
        var owl = OwlQn.Minimize(new Rosenbrock(), [-1.2, 1.0], [0.0, 0.0]);
        CollectionAssert.AreEqual(plain.Solution, owl.Solution);
        Assert.AreEqual(plain.Report.Iterations, owl.Report.Iterations);
    }

    [TestMethod]
    public void LossHistoryIncludesThePenaltyAndDecreases()
    {
        var result = OwlQn.Minimize(new Rosenbrock(), [-1.2, 1.0], [0.5, 0.5]);
        Assert.AreEqual(24.2 + 0.5 * 2.2, result.Report.LossHistory[0], 1e-12);
        for (var k = 1; k < result.Report.LossHistory.Count; k++)
            Assert.IsTrue(result.Report.LossHistory[k] < result.Report.LossHistory[k - 1]);
    }

    [TestMethod]
    public void RefusesNegativeOrWronglySizedPenalties()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => OwlQn.Minimize(new Rosenbrock(), [0.0, 0.0], [-1.0, 0.0]));
        Assert.ThrowsExactly<ArgumentException>(() => OwlQn.Minimize(new Rosenbrock(), [0.0, 0.0], [1.0]));
    }

    private static double[,] Hadamard8()
    {
        var h = new double[8, 8];
        for (var i = 0; i < 8; i++)
        {
            for (var j = 0; j < 8; j++) h[i, j] = int.PopCount(i & j) % 2 == 0 ? 1 : -1;
        }
        return h;
    }
}
