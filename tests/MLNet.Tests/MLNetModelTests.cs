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

    public sealed class WideInput
    {
        public double tenure_months { get; set; }
        public int monthly_charges { get; set; }
        public string? contract { get; set; }
    }

    [TestMethod]
    public void Numeric_inputs_may_be_any_number_type()
    {
        var data = CsvReader.Read(RepoPaths.Data("messy_churn.csv"), new CsvOptions { Label = "churned", Columns = ["tenure_months", "monthly_charges", "contract"] });
        var pipeline = new OneHotEncode(MaxCategories: 10).Append(new GbdtClassifier { Rounds = 10, Seed = 1 }).Fit(data);
        var ml = new MLContext(seed: 1);
        var model = MLNetModel.FromPipeline(ml, pipeline, data);
        var wide = ml.Model.CreatePredictionEngine<WideInput, ClassPrediction>(model.Transformer).Predict(new WideInput { tenure_months = 3, monthly_charges = 90, contract = "Month-to-month" });
        var narrow = ml.Model.CreatePredictionEngine<ChurnInput, ClassPrediction>(model.Transformer).Predict(new ChurnInput { tenure_months = 3, monthly_charges = 90, contract = "Month-to-month" });
        Assert.AreEqual(narrow.PredictedLabel, wide.PredictedLabel);
        CollectionAssert.AreEqual(narrow.Probability, wide.Probability);
    }

    public sealed class Regressed
    {
        public float[] Score { get; set; } = [];
    }

    [TestMethod]
    public void A_regressor_gives_its_score_as_a_one_slot_vector()
    {
        var data = CsvReader.Read(RepoPaths.Data("messy_churn.csv"), new CsvOptions { Label = "monthly_charges", Columns = ["tenure_months", "contract"] });
        var pipeline = new OneHotEncode(MaxCategories: 10).Append(new GbdtRegressor { Rounds = 10, Seed = 1 }).Fit(data);
        var ml = new MLContext(seed: 1);
        var model = MLNetModel.FromPipeline(ml, pipeline, data);
        Assert.IsFalse(model.IsClassification);
        Assert.IsEmpty(model.Classes);
        var onnx = Path.Combine(Path.GetTempPath(), $"mlnet-{Guid.NewGuid():N}.onnx");
        try
        {
            Export.Onnx.OnnxModel.Save(Export.Onnx.OnnxExporter.Export(pipeline, data), onnx);
            using var scorer = OnnxScorer.Open(onnx);
            var expected = (NumericColumn)scorer.Predict(data)["Score"];
            var scores = model.Transformer.Transform(data.ToDataView()).GetColumn<float[]>("Score").ToArray();
            Assert.HasCount(data.RowCount, scores);
            for (var row = 0; row < data.RowCount; row++) Assert.AreEqual(expected[row], scores[row].Single(), 1e-4f, $"row {row}");
        }
        finally
        {
            File.Delete(onnx);
        }
    }

    [TestMethod]
    public void Bad_models_are_clear_errors()
    {
        var ml = new MLContext(seed: 1);
        var missing = Assert.ThrowsExactly<Errors.PipelineException>(() => MLNetModel.FromOnnx(ml, "no-such-model.onnx"));
        StringAssert.Contains(missing.Message, "no-such-model.onnx");
        var garbage = Assert.ThrowsExactly<Errors.ModelFormatException>(() => MLNetModel.FromOnnx(ml, [1, 2, 3, 4, 5]));
        StringAssert.Contains(garbage.Message, "not an ONNX model");

        var data = CsvReader.Read(RepoPaths.Data("messy_churn.csv"), new CsvOptions { Label = "churned", Columns = ["tenure_months", "contract"] });
        var transformOnly = new OneHotEncode(MaxCategories: 10).Fit(data);
        var noLearner = Assert.ThrowsExactly<Errors.ModelFormatException>(() => MLNetModel.FromPipeline(ml, transformOnly, data));
        StringAssert.Contains(noLearner.Message, "no learner outputs");
    }
}
