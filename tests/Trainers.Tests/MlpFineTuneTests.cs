using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Trainers.Mlp;
using Pipelines.Trainers.Tests.Compression;

namespace Pipelines.Trainers.Tests;

[TestClass]
public sealed class MlpFineTuneTests
{
    private static DataFrame NewData() => IrisFixture.Test;

    [TestMethod]
    public void FrozenLayersStayBitIdenticalAndTheOthersMove()
    {
        var model = IrisFixture.Model;
        var tuned = new MlpFineTune { Model = model, FrozenLayers = 2, Epochs = 5, LearningRate = 0.01f, Seed = 1 }.Fit(NewData());
        for (var i = 0; i < 2; i++)
        {
            CollectionAssert.AreEqual(model.Layers[i].Weight, tuned.Layers[i].Weight, $"layer {i} weight");
            CollectionAssert.AreEqual(model.Layers[i].Bias, tuned.Layers[i].Bias, $"layer {i} bias");
        }
        CollectionAssert.AreNotEqual(model.Layers[2].Weight, tuned.Layers[2].Weight, "the last layer trains");
        CollectionAssert.AreEqual(model.Classes.ToArray(), tuned.Classes.ToArray());
        CollectionAssert.AreEqual(model.InputMean, tuned.InputMean);
    }

    [TestMethod]
    public void SameSeedGivesTheSameModel()
    {
        var options = new MlpFineTune { Model = IrisFixture.Model, Epochs = 3, LearningRate = 0.01f, Seed = 4 };
        var a = options.Fit(NewData());
        var b = options.Fit(NewData());
        var c = (options with { Seed = 5 }).Fit(NewData());
        for (var i = 0; i < a.Layers.Count; i++) CollectionAssert.AreEqual(a.Layers[i].Weight, b.Layers[i].Weight);
        CollectionAssert.AreNotEqual(a.Layers[0].Weight, c.Layers[0].Weight);
    }

    [TestMethod]
    public void AnUnknownClassIsAClearError()
    {
        var data = NewData();
        var species = data.Categorical("species");
        var renamed = CategoricalColumn.FromValues("species", [.. Enumerable.Range(0, data.RowCount).Select(r => r == 0 ? "hybrid" : species.ValueAt(r))]);
        var error = Assert.ThrowsExactly<DataValueException>(() => new MlpFineTune { Model = IrisFixture.Model, Epochs = 1 }.Fit(data.With(renamed)));
        StringAssert.Contains(error.Message, "hybrid");
        StringAssert.Contains(error.Message, "setosa");
    }

    [TestMethod]
    public void FreezingEveryLayerChangesNothing()
    {
        var model = IrisFixture.Model;
        var tuned = new MlpFineTune { Model = model, FrozenLayers = model.Layers.Count, Epochs = 2 }.Fit(NewData());
        CollectionAssert.AreEqual(model.Predict(NewData()), tuned.Predict(NewData()));
        Assert.ThrowsExactly<ArgumentException>(() => new MlpFineTune { Model = model, FrozenLayers = 4 }.Fit(NewData()));
    }
}
