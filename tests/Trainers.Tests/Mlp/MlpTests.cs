using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.IO;
using Pipelines.Prediction;
using Pipelines.Trainers.Mlp;
using Pipelines.Trainers.Neural;
using Pipelines.Trainers.Neural.Kernels;

namespace Pipelines.Trainers.Tests.Mlp;

[TestClass]
public sealed class MlpTests
{
    private static DataFrame Xor()
    {
        var a = new float[40];
        var b = new float[40];
        var y = new string?[40];
        for (var i = 0; i < 40; i++)
        {
            a[i] = i % 2;
            b[i] = (i / 2) % 2;
            y[i] = a[i] != b[i] ? "one" : "zero";
        }
        return new DataFrame([new NumericColumn("a", a), new NumericColumn("b", b), CategoricalColumn.FromValues("y", y)], label: "y");
    }

    private static double Accuracy(MlpModel model, DataFrame test)
    {
        var probabilities = model.Predict(test);
        var label = (CategoricalColumn)test.Label!;
        var k = model.Classes.Count;
        var correct = 0;
        for (var r = 0; r < test.RowCount; r++)
        {
            var row = probabilities.AsSpan(r * k, k);
            var best = 0;
            for (var c = 1; c < k; c++) if (row[c] > row[best]) best = c;
            if (model.Classes[best] == label.Categories[label[r]]) correct++;
        }
        return correct / (double)test.RowCount;
    }

    private static (DataFrame Train, DataFrame Test) SplitData(DataFrame data)
    {
        var fold = Split.TrainTest(data, 0.3, seed: 11);
        return (data.Take(fold.Train), data.Take(fold.Test));
    }

    [TestMethod]
    public void FitsXor()
    {
        var model = new MlpClassifier { HiddenSizes = [8], Activation = MlpActivation.Tanh, LearningRate = 0.05f, Epochs = 300, BatchSize = 8, EarlyStoppingPatience = 0, WeightDecay = 0, Seed = 1 }
            .Fit(Xor());
        Assert.AreEqual(1.0, Accuracy(model, Xor()));
    }

    [TestMethod]
    public void LearnsIris()
    {
        var (train, test) = SplitData(CsvReader.Read(RepoData.Path("iris.csv"), new CsvOptions { Label = "species" }));
        var model = new MlpClassifier { HiddenSizes = [32], LearningRate = 0.01f, Epochs = 200, BatchSize = 16, Seed = 2 }.Fit(train);
        var accuracy = Accuracy(model, test);
        Assert.IsTrue(accuracy >= 0.9, $"iris test accuracy {accuracy}");
    }

    [TestMethod]
    public void LearnsBreastCancerWithBatchNormAndDropout()
    {
        var (train, test) = SplitData(CsvReader.Read(RepoData.Path("breast_cancer.csv"), new CsvOptions { Label = "diagnosis" }));
        var model = new MlpClassifier { HiddenSizes = [32, 16], BatchNorm = true, Dropout = 0.1f, Epochs = 60, BatchSize = 32, Seed = 3 }.Fit(train);
        var accuracy = Accuracy(model, test);
        Assert.IsTrue(accuracy >= 0.93, $"breast cancer test accuracy {accuracy}");
    }

    [TestMethod]
    public void RegressorFitsASmoothFunction()
    {
        var n = 300;
        var x1 = new float[n];
        var x2 = new float[n];
        var y = new float[n];
        var g = new Generator(4);
        for (var i = 0; i < n; i++)
        {
            x1[i] = g.Uniform(-2, 2);
            x2[i] = g.Uniform(-2, 2);
            y[i] = 10 + 3 * MathF.Sin(x1[i]) + x2[i] * x2[i];
        }
        var data = new DataFrame([new NumericColumn("x1", x1), new NumericColumn("x2", x2), new NumericColumn("y", y)], label: "y");
        var model = new MlpRegressor { HiddenSizes = [32, 32], LearningRate = 0.01f, Epochs = 200, BatchSize = 32, Seed = 5 }.Fit(data);
        var predicted = model.Predict(data);
        double residual = 0, total = 0, mean = y.Average();
        for (var i = 0; i < n; i++)
        {
            residual += (predicted[i] - y[i]) * (predicted[i] - y[i]);
            total += (y[i] - mean) * (y[i] - mean);
        }
        Assert.IsTrue(1 - residual / total > 0.95, $"R^2 = {1 - residual / total}");
    }

    [TestMethod]
    public void RebuiltModuleMatchesPredictionsWithBatchNormFolded()
    {
        var data = CsvReader.Read(RepoData.Path("iris.csv"), new CsvOptions { Label = "species" });
        var model = new MlpClassifier { HiddenSizes = [8], BatchNorm = true, Epochs = 20, BatchSize = 16, Seed = 6 }.Fit(data);
        Assert.IsTrue(model.Layers.All(l => l.Weight.Length == l.Inputs * l.Outputs));
        var x = FeatureMatrix.RowMajor(data, model.Features);
        var d = model.Features.Count;
        for (var i = 0; i < x.Length; i++) x[i] = (x[i] - model.InputMean[i % d]) * model.InputScale[i % d];
        var module = model.ToModule();
        module.Eval();
        Tensor probabilities;
        using (Torch.NoGrad()) probabilities = module.Forward(new Tensor(x, [data.RowCount, d])).Softmax();
        var predicted = model.Predict(data);
        for (var i = 0; i < predicted.Length; i++) Assert.AreEqual(predicted[i], probabilities.Data[i], 1e-5f);
    }

    [TestMethod]
    public void SameSeedSameModelOtherSeedOtherModel()
    {
        var data = CsvReader.Read(RepoData.Path("iris.csv"), new CsvOptions { Label = "species" });
        MlpClassifier options = new() { HiddenSizes = [8], Dropout = 0.2f, Epochs = 5, Seed = 7 };
        CollectionAssert.AreEqual(options.Fit(data).Predict(data), options.Fit(data).Predict(data));
        CollectionAssert.AreNotEqual(options.Fit(data).Predict(data), (options with { Seed = 8 }).Fit(data).Predict(data));
    }

    [TestMethod]
    public void ThreadCountDoesNotChangeTheModel()
    {
        var data = CsvReader.Read(RepoData.Path("breast_cancer.csv"), new CsvOptions { Label = "diagnosis" });
        MlpClassifier options = new() { HiddenSizes = [128, 64], Epochs = 2, BatchSize = 128, EarlyStoppingPatience = 0, Seed = 9 };
        var before = Sgemm.DefaultThreads;
        try
        {
            Sgemm.DefaultThreads = 1;
            var one = options.Fit(data).Predict(data);
            Sgemm.DefaultThreads = 2;
            CollectionAssert.AreEqual(one, options.Fit(data).Predict(data));
        }
        finally
        {
            Sgemm.DefaultThreads = before;
        }
    }

    [TestMethod]
    public void ClassWeightsAreResolvedAndChecked()
    {
        CollectionAssert.AreEqual(new[] { 4f / 6, 4f / 2 }, MlpClassWeights.Balanced.Resolve([0, 0, 0, 1], 2, "t"));
        Assert.ThrowsExactly<ArgumentException>(() => new MlpClassifier { ClassWeights = MlpClassWeights.Of(1f, 2f, 3f), Epochs = 1 }.Fit(Xor()));
        Assert.ThrowsExactly<ArgumentException>(() => MlpClassWeights.Of(-1f));
    }

    [TestMethod]
    public void BadOptionsAreRefused()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new MlpClassifier { HiddenSizes = [0] }.Fit(Xor()));
        Assert.ThrowsExactly<ArgumentException>(() => new MlpClassifier { Dropout = 1f }.Fit(Xor()));
        Assert.ThrowsExactly<ArgumentException>(() => new MlpClassifier { LearningRate = 0f }.Fit(Xor()));
        Assert.ThrowsExactly<ArgumentException>(() => new MlpClassifier { Activation = MlpActivation.Identity }.Fit(Xor()));
        Assert.ThrowsExactly<Errors.SchemaException>(() => new MlpRegressor().Fit(Xor()));
    }

    [TestMethod]
    public void LargeLogitsGiveFiniteProbabilities()
    {
        // Logits 200 and 150 overflow exp in float; the softmax must shift by the row's max first.
        var layer = new MlpLayer(1, 2, [200f, 150f], [0f, 0f], MlpActivation.Identity);
        var model = new MlpModel(PredictionTask.BinaryClassification, ["x"], ["a", "b"], [0f], [1f], [layer], 0f, 1f);
        var p = model.Predict(new DataFrame([new NumericColumn("x", [1f, -1f])]));
        float[] expected = [1f, 0f, 0f, 1f];
        for (var i = 0; i < 4; i++) Assert.AreEqual(expected[i], p[i], 1e-6f, $"probability {i}");
    }
}
