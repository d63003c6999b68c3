using Pipelines.Data;
using Pipelines.Tests.Contract;
using Pipelines.Trainers.LinearModels;

namespace Pipelines.Trainers.Tests.LinearModels;

/// <summary>
/// The objective over a <see cref="LinearDesign"/> against the same loss summed row by row on the standardized values,
/// with more rows than one block, copied or read in place (the copy holds single precision, hence the tolerance).
/// </summary>
[TestClass]
public sealed class LinearDesignTests
{
    [TestMethod]
    [DataRow(LinearDesign.CopyLimit, DisplayName = "copied row-major")]
    [DataRow(0L, DisplayName = "columns read in place")]
    public void Softmax_loss_and_gradient_over_many_blocks_match_a_row_by_row_sum(long copyLimit)
    {
        const int features = 600;
        const int classes = 3;
        var random = new Random(5);
        var (design, standardized) = Design(features, random, copyLimit);
        var rows = standardized.Length;
        Assert.IsLessThan(rows, design.BlockRows, "the rows span several blocks");
        var labels = Enumerable.Range(0, rows).Select(_ => random.Next(classes)).ToArray();
        var weights = Enumerable.Range(0, rows).Select(i => i % 7 == 0 ? 0 : random.NextDouble()).ToArray();
        var loss = new SoftmaxLoss(design, classes, labels, weights, 0.1, fitIntercept: true);
        var x = Enumerable.Range(0, loss.Dimension).Select(_ => 0.05 * LinearTestData.Normal(random)).ToArray();
        var gradient = new double[loss.Dimension];

        var value = loss.Evaluate(x, gradient);

        var (expectedValue, expectedGradient) = RowByRow(standardized, labels, weights, classes, x, 0.1);
        Assert.AreEqual(expectedValue, value, 1e-6 * Math.Abs(expectedValue));
        for (var p = 0; p < gradient.Length; p++) Assert.AreEqual(expectedGradient[p], gradient[p], 1e-6, $"∂F/∂x[{p}]");
    }

    [TestMethod]
    [DataRow(LinearDesign.CopyLimit, DisplayName = "copied row-major")]
    [DataRow(0L, DisplayName = "columns read in place")]
    public void Derived_columns_give_the_loss_and_gradient_of_their_values_in_arrays(long copyLimit)
    {
        const int features = 40;
        var random = new Random(8);
        var columns = Enumerable.Range(0, features).Select(j => new NumericColumn($"x{j}", [.. Enumerable.Range(0, 3000).Select(_ => (float)LinearTestData.Normal(random))])).ToArray();
        var derived = ContractData.Derived(new DataFrame(columns)).Columns.Cast<NumericColumn>().ToArray();
        Assert.IsTrue(derived.All(c => c.IsDerived));
        var labels = Enumerable.Range(0, 3000).Select(_ => (double)random.Next(2)).ToArray();
        var x = Enumerable.Range(0, features + 1).Select(_ => 0.1 * LinearTestData.Normal(random)).ToArray();
        double[] center = [.. Enumerable.Repeat(0.5, features)];
        double[] scale = [.. Enumerable.Repeat(2.0, features)];
        var (plainGradient, derivedGradient) = (new double[x.Length], new double[x.Length]);
        var plain = new LogisticLoss(new LinearDesign(columns, center, scale, copyLimit), labels, null, 0.1, fitIntercept: true).Evaluate(x, plainGradient);
        var fromDerived = new LogisticLoss(new LinearDesign(derived, center, scale, copyLimit), labels, null, 0.1, fitIntercept: true).Evaluate(x, derivedGradient);
        Assert.AreEqual(plain, fromDerived);
        CollectionAssert.AreEqual(plainGradient, derivedGradient);
    }

    [TestMethod]
    public void Columns_of_different_lengths_are_refused()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new LinearDesign([new NumericColumn("a", new float[3]), new NumericColumn("b", new float[2])]));
        StringAssert.Contains(error.Message, "Column 1 has 2 rows, column 0 has 3");
    }

    /// <summary>Raw columns around 10 with spread 4, read with centre 10 and scale 4, and the standardized rows for the reference.</summary>
    private static (LinearDesign Design, double[][] Standardized) Design(int features, Random random, long copyLimit)
    {
        const int n = 250;
        var columns = Enumerable.Range(0, features).Select(_ => Enumerable.Range(0, n).Select(_ => (float)(10 + 4 * LinearTestData.Normal(random))).ToArray()).ToArray();
        double[][] standardized = [.. Enumerable.Range(0, n).Select(i => columns.Select(c => (c[i] - 10.0) / 4).ToArray())];
        var design = new LinearDesign([.. columns.Select((c, j) => new NumericColumn($"x{j}", c))], Enumerable.Repeat(10.0, features).ToArray(), Enumerable.Repeat(4.0, features).ToArray(), copyLimit);
        return (design, standardized);
    }

    /// <summary>F and ∇F of the weighted softmax loss plus (λ/2)||W||², summed row by row in the plainest way.</summary>
    private static (double Value, double[] Gradient) RowByRow(double[][] rows, int[] labels, double[] weights, int k, double[] x, double l2)
    {
        var d = rows[0].Length;
        var total = weights.Sum();
        var gradient = new double[x.Length];
        var value = 0.0;
        for (var i = 0; i < rows.Length; i++)
        {
            var omega = weights[i] / total;
            var z = new double[k];
            for (var c = 0; c < k; c++)
            {
                z[c] = x[k * d + c];
                for (var j = 0; j < d; j++) z[c] += x[c * d + j] * rows[i][j];
            }
            var max = z.Max();
            var lse = max + Math.Log(z.Sum(v => Math.Exp(v - max)));
            value += omega * (lse - z[labels[i]]);
            for (var c = 0; c < k; c++)
            {
                var r = omega * (Math.Exp(z[c] - lse) - (c == labels[i] ? 1 : 0));
                for (var j = 0; j < d; j++) gradient[c * d + j] += r * rows[i][j];
                gradient[k * d + c] += r;
            }
        }
        for (var p = 0; p < k * d; p++)
        {
            value += 0.5 * l2 * x[p] * x[p];
            gradient[p] += l2 * x[p];
        }
        return (value, gradient);
    }
}
