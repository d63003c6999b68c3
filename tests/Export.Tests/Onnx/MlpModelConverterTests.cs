using Pipelines.Data;
using Pipelines.Export.Onnx;
using Pipelines.Export.Onnx.Converters;
using Pipelines.Prediction;
using Pipelines.Trainers.Mlp;

namespace Pipelines.Export.Tests.Onnx;

/// <summary>The MLP's ONNX graph in ONNX Runtime gives the in-process predictions: same labels, probabilities within 1e-5.</summary>
[TestClass]
public sealed class MlpModelConverterTests
{
    public static IEnumerable<object[]> Cases =>
    [
        ["iris.csv", "species", MlpActivation.Relu, false],
        ["iris.csv", "species", MlpActivation.LeakyRelu, false],
        ["iris.csv", "species", MlpActivation.Tanh, false],
        ["iris.csv", "species", MlpActivation.Gelu, false],
        ["iris.csv", "species", MlpActivation.Relu, true],
        ["breast_cancer.csv", "diagnosis", MlpActivation.Relu, false],
        ["breast_cancer.csv", "diagnosis", MlpActivation.Gelu, true],
    ];

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Onnx_runtime_matches_in_process_prediction(string file, string label, MlpActivation activation, bool batchNorm)
    {
        var data = MlpTestData.Read(file, label);
        var model = MlpTestData.Classifier(file, data, activation, batchNorm);
        var onnx = OnnxExporter.Export(model, data);

        CollectionAssert.AreEqual(new[] { PredictionColumns.PredictedLabel, OnnxLearnerOutputs.Probability }, onnx.Graph.Output.Select(o => o.Name).ToArray());
        var outputs = OrtOutput.Run(onnx, data);
        var labels = outputs[0].Strings;
        var probabilities = outputs[1].Floats;
        var k = model.Classes.Count;
        CollectionAssert.AreEqual(new[] { data.RowCount, k }, outputs[1].Shape);
        var expected = model.Predict(data);
        var predicted = model.Transform(data).Categorical(PredictionColumns.PredictedLabel);
        var worst = 0f;
        for (var r = 0; r < data.RowCount; r++)
        {
            Assert.AreEqual(predicted.ValueAt(r), labels[r], $"row {r}");
            for (var c = 0; c < k; c++) worst = Math.Max(worst, Math.Abs(expected[r * k + c] - probabilities[r * k + c]));
        }
        Assert.IsTrue(worst <= 1e-5f, $"largest probability difference {worst}");
    }

    [TestMethod]
    public void Graph_passes_the_reference_checker()
    {
        var data = MlpTestData.Read("iris.csv", "species");
        OnnxChecker.Check(OnnxExporter.Export(MlpTestData.Classifier("iris.csv", data, MlpActivation.Gelu), data));
    }

    [TestMethod]
    public void Regression_score_matches_in_process_prediction()
    {
        var iris = MlpTestData.Read("iris.csv", "species");
        var data = iris.Without("species").WithLabel("petal width (cm)");
        var model = new MlpRegressor { HiddenSizes = [8], Activation = MlpActivation.Tanh, Epochs = 20, Seed = 0 }.Fit(data);
        var onnx = OnnxExporter.Export(model, data);
        OnnxChecker.Check(onnx);

        var output = OrtOutput.Run(onnx, data).Single();
        Assert.AreEqual(PredictionColumns.Score, output.Name);
        CollectionAssert.AreEqual(new[] { data.RowCount, 1 }, output.Shape);
        var expected = model.Predict(data);
        var actual = output.Floats;
        for (var r = 0; r < data.RowCount; r++) Assert.AreEqual(expected[r], actual[r], 1e-5f * Math.Max(1f, Math.Abs(expected[r])), $"row {r}");
    }
}
