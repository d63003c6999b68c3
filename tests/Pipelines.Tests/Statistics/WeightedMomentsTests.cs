using Pipelines.Data;
using Pipelines.Statistics;

namespace Pipelines.Tests.Statistics;

[TestClass]
public sealed class WeightedMomentsTests
{
    [TestMethod]
    public void A_weight_of_two_counts_as_a_duplicated_row_across_blocks()
    {
        // More rows than one block, with weights 1 and 2: the same moments as the rows of weight 2 written twice.
        var random = new Random(5);
        var values = Enumerable.Range(0, 2_500).Select(_ => (float)(random.NextDouble() * 10 - 3)).ToArray();
        var weights = values.Select((_, i) => i % 3 == 0 ? 2f : 1f).ToArray();
        var duplicated = values.SelectMany((v, i) => Enumerable.Repeat(v, (int)weights[i])).ToArray();
        var (mean, std) = Moments.WeightedMeanStd(new NumericColumn("x", values), weights, weights.Sum());
        var (expectedMean, expectedStd, _) = Moments.MeanStd(duplicated);
        Assert.AreEqual(expectedMean, mean, 1e-9);
        Assert.AreEqual(expectedStd, std, 1e-9);
    }
}
