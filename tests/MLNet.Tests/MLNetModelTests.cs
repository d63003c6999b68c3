using Microsoft.ML;
using Microsoft.ML.Data;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Export.Serving;
using Pipelines.IO;
using Pipelines.Trainers.Trees;
using Pipelines.Transforms.Encoding;

namespace Pipelines.MLNet.Tests;

[TestClass]
public sealed class MLNetModelTests
{
    public sealed class ChurnInput
    {
        public float tenure_months { get; set; }
        public float monthly_charges { get; set; }
        public string? contract { get; set; }
    }

    public sealed class ClassPrediction
    {
        public string PredictedLabel { get; set; } = "";
        public float[] Probability { get; set; } = [];
    }

    [TestMethod]
    public void PredictionEngine_matches_onnx_runtime_on_messy_rows()
    {
        var data = CsvReader.Read(RepoPaths.Data("messy_churn.csv"), new CsvOptions { Label = "churned", Columns = ["tenure_months", "monthly_charges", "contract"] });
        var pipeline = new OneHotEncode(MaxCategories: 10).Append(new GbdtClassifier { Rounds = 20, Seed = 1 }).Fit(data);
        var ml = new MLContext(seed: 1);
        var model = MLNetModel.FromPipeline(ml, pipeline, data);
        var engine = ml.Model.CreatePredictionEngine<ChurnInput, ClassPrediction>(model.Transformer);
        var onnx = Path.Combine(Path.GetTempPath(), $"mlnet-{Guid.NewGuid():N}.onnx");
        try
        {
            Export.Onnx.OnnxModel.Save(Export.Onnx.OnnxExporter.Export(pipeline, data), onnx);
            using var scorer = OnnxScorer.Open(onnx);
            var expected = scorer.Predict(data);
            var labels = (CategoricalColumn)expected["PredictedLabel"];
            for (var row = 0; row < 200; row++)
            {
                var p = engine.Predict(new ChurnInput
                {
                    tenure_months = data.Numeric("tenure_months")[row],
                    monthly_charges = data.Numeric("monthly_charges")[row],
                    contract = data.Categorical("contract").ValueAt(row),
                });
                Assert.AreEqual(labels.ValueAt(row), p.PredictedLabel, $"row {row}");
                for (var k = 0; k < model.Classes.Count; k++)
                    Assert.AreEqual(((NumericColumn)expected[$"Probability.{model.Classes[k]}"])[row], p.Probability[k], 1e-5f, $"row {row} class {k}");
            }
        }
        finally
        {
            File.Delete(onnx);
        }
    }
}
