using Microsoft.ML;
using Microsoft.ML.Data;
using Pipelines.AutoML.Experiments;
using Pipelines.Data;
using Pipelines.Export.Onnx;
using Pipelines.Export.Serving;

namespace Pipelines.MLNet.Tests;

/// <summary>The AutoML experiment on data that came from an IDataView, and its model back as a saved and reloaded ML.NET model.</summary>
[TestClass]
public sealed class ExperimentDataViewTests
{
    public sealed class IrisInput
    {
        [ColumnName("sepal length (cm)")] public float SepalLength { get; set; }
        [ColumnName("sepal width (cm)")] public float SepalWidth { get; set; }
        [ColumnName("petal length (cm)")] public float PetalLength { get; set; }
        [ColumnName("petal width (cm)")] public float PetalWidth { get; set; }
    }

    public sealed class IrisPrediction
    {
        public string PredictedLabel { get; set; } = "";
        public float[] Probability { get; set; } = [];
    }

    [TestMethod]
    [TestCategory("EndToEnd")]
    public void Experiment_on_a_text_file_view_gives_an_ML_NET_model_that_saves_loads_and_predicts_as_ONNX_Runtime()
    {
        var ml = new MLContext(seed: 1);
        TextLoader.Column[] columns =
        [
            new("sepal length (cm)", DataKind.Single, 0), new("sepal width (cm)", DataKind.Single, 1),
            new("petal length (cm)", DataKind.Single, 2), new("petal width (cm)", DataKind.Single, 3), new("species", DataKind.String, 4),
        ];
        var view = ml.Data.LoadFromTextFile(RepoPaths.Data("iris.csv"), columns, separatorChar: ',', hasHeader: true);
        var run = new Experiment(new ExperimentOptions { MaxTrials = 4, Seed = 1, Parallelism = 1 }).Run(view, "species");
        Assert.AreEqual(PredictionTask.MulticlassClassification, run.Experiment.Task);
        Assert.AreEqual(150, run.Data.RowCount);

        var model = run.ToMLNetModel(ml);
        CollectionAssert.AreEqual(new[] { "setosa", "versicolor", "virginica" }, model.Classes.ToArray());
        var zip = Path.Combine(Path.GetTempPath(), $"iris-{Guid.NewGuid():N}.mlnet.zip");
        try
        {
            model.Save(ml, zip);
            var loaded = ml.Model.Load(zip, out var inputSchema);
            CollectionAssert.AreEqual(columns.Take(4).Select(c => c.Name).ToArray(), inputSchema.Select(c => c.Name).ToArray());
            var engine = ml.Model.CreatePredictionEngine<IrisInput, IrisPrediction>(loaded);

            using var scorer = OnnxScorer.Open(OnnxFile(run));
            var expected = scorer.Predict(run.Data);
            var labels = (CategoricalColumn)expected["PredictedLabel"];
            for (var row = 0; row < run.Data.RowCount; row++)
            {
                var p = engine.Predict(new IrisInput
                {
                    SepalLength = run.Data.Numeric("sepal length (cm)")[row], SepalWidth = run.Data.Numeric("sepal width (cm)")[row],
                    PetalLength = run.Data.Numeric("petal length (cm)")[row], PetalWidth = run.Data.Numeric("petal width (cm)")[row],
                });
                Assert.AreEqual(labels.ValueAt(row), p.PredictedLabel, $"row {row}");
                for (var k = 0; k < 3; k++)
                    Assert.AreEqual(((NumericColumn)expected[$"Probability.{model.Classes[k]}"])[row], p.Probability[k], 1e-5f, $"row {row} class {k}");
            }

            // The same model transforms the view it was trained from (scalar Single columns as they are).
            var transformed = loaded.Transform(view).GetColumn<ReadOnlyMemory<char>>("PredictedLabel").Select(l => l.ToString()).ToArray();
            CollectionAssert.AreEqual(Enumerable.Range(0, labels.Length).Select(labels.ValueAt).ToArray(), transformed);
        }
        finally
        {
            File.Delete(zip);
        }
    }

    private static string OnnxFile(DataViewExperimentResult run)
    {
        var path = Path.Combine(Path.GetTempPath(), $"iris-{Guid.NewGuid():N}.onnx");
        OnnxModel.Save(OnnxExporter.Export(run.Experiment.Model, run.Data), path);
        return path;
    }
}
