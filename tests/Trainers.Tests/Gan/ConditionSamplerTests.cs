using Pipelines.Data;
using Pipelines.Trainers.Gan.Conditioning;
using Pipelines.Trainers.Gan.Transform;
using Pipelines.Trainers.Neural;

namespace Pipelines.Trainers.Tests.Gan;

[TestClass]
public sealed class ConditionSamplerTests
{
    [TestMethod]
    public void TrainingConditionsFollowLogFrequency()
    {
        // One categorical column with counts 900 / 90 / 9 / 1: P(k) = ln(1 + n_k) / sum ln(1 + n_j).
        int[] counts = [900, 90, 9, 1];
        var values = counts.SelectMany((n, k) => Enumerable.Repeat<string?>("c" + k, n)).ToArray();
        var frame = new DataFrame([CategoricalColumn.FromValues("c", values)]);
        var transformer = TabularTransformer.Fit(frame);
        var encoded = transformer.Encode(frame, new Random(0));
        var sampler = new ConditionSampler(transformer, encoded, frame.RowCount);
        var expected = counts.Select(n => Math.Log(1 + n)).ToArray();
        var total = expected.Sum();
        var batch = sampler.SampleForTraining(20000, new Generator(1));
        var seen = new int[4];
        var codes = frame.Categorical("c").Codes;
        for (var i = 0; i < 20000; i++)
        {
            seen[batch.Slots[i]]++;
            Assert.AreEqual(1f, batch.Vectors[i * 4 + batch.Slots[i]]);
            Assert.AreEqual(1f, batch.Vectors.AsSpan(i * 4, 4).ToArray().Sum());
            Assert.AreEqual(batch.Slots[i], codes[batch.Rows[i]], "the real row has the asked-for category");
        }
        for (var k = 0; k < 4; k++) Assert.AreEqual(expected[k] / total, seen[k] / 20000.0, 0.015, $"slot {k}");
        CollectionAssert.AreEqual(expected.Select(e => Math.Round(e / total, 9)).ToArray(), sampler.LogFrequencyProbabilities(0).Select(p => Math.Round(p, 9)).ToArray());
    }

    [TestMethod]
    public void ColumnsArePickedUniformly()
    {
        var frame = TransformerTests.Bimodal(200, 1);
        var transformer = TabularTransformer.Fit(frame);
        var sampler = new ConditionSampler(transformer, transformer.Encode(frame, new Random(0)), frame.RowCount);
        var batch = sampler.SampleForTraining(10000, new Generator(2));
        var first = batch.Columns.Count(c => c == 0) / 10000.0;
        Assert.AreEqual(0.5, first, 0.02);
    }
}
