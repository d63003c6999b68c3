using Pipelines.Data;
using Pipelines.Trainers.LinearModels;
using Pipelines.Trainers.Optimization;

namespace Pipelines.Trainers.Tests.LinearModels;

/// <summary>Each objective's analytic gradient against central finite differences (f(x + h e_j) - f(x - h e_j)) / 2h.</summary>
[TestClass]
public sealed class ObjectiveGradientTests
{
    private const int Rows = 30;
    private const int Features = 4;

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void LogisticLossGradientMatchesFiniteDifferences(bool intercept)
    {
        var (design, weights, random) = Data(11);
        var labels = Enumerable.Range(0, Rows).Select(_ => (double)random.Next(2)).ToArray();
        Check(new LogisticLoss(design, labels, weights, 0.3, intercept), random);
    }

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void SoftmaxLossGradientMatchesFiniteDifferences(bool intercept)
    {
        var (design, weights, random) = Data(12);
        var labels = Enumerable.Range(0, Rows).Select(_ => random.Next(3)).ToArray();
        Check(new SoftmaxLoss(design, 3, labels, weights, 0.3, intercept), random);
    }

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void SquaredLossGradientMatchesFiniteDifferences(bool intercept)
    {
        var (design, weights, random) = Data(13);
        var targets = Enumerable.Range(0, Rows).Select(_ => random.NextDouble() * 10 - 5).ToArray();
        Check(new SquaredLoss(design, targets, weights, 0.3, intercept), random);
    }

    [TestMethod]
    public void LogisticLossStaysFiniteForHugeScores()
    {
        var design = new LinearDesign([new NumericColumn("x", [1000, -1000])]);
        var loss = new LogisticLoss(design, [0, 1], null, 0, fitIntercept: false);
        var gradient = new double[1];
        var value = loss.Evaluate([1.0], gradient);
        Assert.AreEqual(1000.0, value, 1e-9, "both rows are wrong by a score of 1000, so each loses 1000");
        Assert.IsTrue(double.IsFinite(gradient[0]));
        Assert.AreEqual(1000.0, SoftmaxLoss.LogSumExp([1000.0, 0.0]), 1e-12);
    }

    /// <summary>
    /// A design of raw columns (means about 3, spreads about 2) standardized as the objective reads them, so the check
    /// also covers <see cref="LinearDesign"/>'s centring and scaling.
    /// </summary>
    private static (LinearDesign Design, double[] Weights, Random Random) Data(int seed)
    {
        var random = new Random(seed);
        NumericColumn[] columns = [.. Enumerable.Range(0, Features).Select(j => new NumericColumn($"x{j}", [.. Enumerable.Range(0, Rows).Select(_ => (float)(3 + 2 * LinearTestData.Normal(random)))]))];
        var weights = Enumerable.Range(0, Rows).Select(_ => random.NextDouble() * 2).ToArray();
        return (new LinearDesign(columns, Enumerable.Repeat(3.0, Features).ToArray(), Enumerable.Repeat(2.0, Features).ToArray()), weights, random);
    }

    private static void Check(IDifferentiableFunction f, Random random)
    {
        var x = Enumerable.Range(0, f.Dimension).Select(_ => LinearTestData.Normal(random)).ToArray();
        var analytic = new double[f.Dimension];
        f.Evaluate(x, analytic);
        var scratch = new double[f.Dimension];
        const double h = 1e-6;
        for (var j = 0; j < f.Dimension; j++)
        {
            var plus = (double[])x.Clone();
            var minus = (double[])x.Clone();
            plus[j] += h;
            minus[j] -= h;
            var numeric = (f.Evaluate(plus, scratch) - f.Evaluate(minus, scratch)) / (2 * h);
            Assert.AreEqual(numeric, analytic[j], 1e-7 * Math.Max(1, Math.Abs(numeric)), $"∂f/∂x[{j}]");
        }
    }
}
