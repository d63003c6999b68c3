using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Sampling;
using static Pipelines.Tests.Sampling.SamplingTestData;

namespace Pipelines.Tests.Sampling;

[TestClass]
public sealed class ClassWeightsTests
{
    [TestMethod]
    public void BalancedWeightsFollowComputeClassWeight()
    {
        var data = ThreeClasses(6, 3, 1);
        var output = new ClassWeights().FitTransform(data).Output;
        Assert.AreEqual("weight", output.WeightName);
        var w = output.Weight!.Values;
        // n / (k * n_c) with n = 10, k = 3.
        Assert.AreEqual(10.0 / 18, w[0], 1e-6);
        Assert.AreEqual(10.0 / 9, w[6], 1e-6);
        Assert.AreEqual(10.0 / 3, w[9], 1e-6);
        // Every class then carries the same total weight, n / k.
        Assert.AreEqual(10.0 / 3, w[..6].ToArray().Sum(), 1e-5);
        Assert.AreEqual(10.0 / 3, w[6..9].ToArray().Sum(), 1e-5);
    }

    [TestMethod]
    public void GivenWeightsDefaultToOneAndMultiplyAnExistingWeight()
    {
        var data = ThreeClasses(2, 2, 2);
        data = data.With(new NumericColumn("w", [1, 2, 3, 4, 5, 6])).WithWeight("w");
        var estimator = new ClassWeights { Weights = new Dictionary<string, double> { ["c"] = 10 } };
        Assert.AreEqual(data.Schema, estimator.GetOutputSchema(data.Schema));
        var output = estimator.FitTransform(data).Output;
        Assert.AreEqual("w", output.WeightName);
        CollectionAssert.AreEqual(new float[] { 1, 2, 3, 4, 50, 60 }, output.Weight!.ToArray());
        Assert.IsFalse(output.Contains("weight"));
    }

    [TestMethod]
    public void TransformPassesDataThroughWithOrWithoutLabel()
    {
        var data = ThreeClasses(6, 3, 1);
        var fitted = new ClassWeights().FitTransform(data);
        Assert.AreSame(data, fitted.Transformer.Transform(data));
        var unlabeled = data.Without("label");
        Assert.AreSame(unlabeled, fitted.Transformer.Transform(unlabeled));
    }

    [TestMethod]
    public void BadInputIsAClearError()
    {
        var data = ThreeClasses(2, 2, 2);
        Assert.ThrowsExactly<SchemaException>(() => new ClassWeights().FitTransform(data.WithLabel(null)));
        Assert.ThrowsExactly<SchemaException>(() => new ClassWeights { Name = "x" }.FitTransform(data));
        StringAssert.Contains(Assert.ThrowsExactly<DataValueException>(() =>
            new ClassWeights { Weights = new Dictionary<string, double> { ["zzz"] = 2 } }.FitTransform(data)).Message, "'zzz'");
        Assert.ThrowsExactly<ArgumentException>(() => new ClassWeights { Weights = new Dictionary<string, double> { ["a"] = -1 } }.FitTransform(data));
    }
}
