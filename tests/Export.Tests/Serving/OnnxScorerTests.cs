using Pipelines.Export.Onnx;
using Pipelines.Export.Serving;
using Pipelines.Export.Tests.Onnx;

namespace Pipelines.Export.Tests.Serving;

/// <summary>Scoring a frame with an ONNX model file in ONNX Runtime.</summary>
[TestClass]
public sealed class OnnxScorerTests
{
    [TestMethod]
    public void A_frame_larger_than_a_batch_scores_in_batches_as_it_does_in_one_run()
    {
        var data = MlpTestData.Read("iris.csv", "species");
        var path = Path.Combine(Path.GetTempPath(), $"scorer-{Guid.NewGuid():N}.onnx");
        try
        {
            OnnxModel.Save(OnnxExporter.Export(MlpTestData.Classifier("iris.csv", data), data), path);
            using var scorer = OnnxScorer.Open(path);
            scorer.BatchRows = data.RowCount;
            var whole = scorer.Predict(data);
            // 150 rows in batches of 16: nine full ones and a last of 6.
            scorer.BatchRows = 16;
            var batched = scorer.Predict(data);
            Assert.AreEqual(150, batched.RowCount);
            Assert.IsTrue(whole.ContentEquals(batched), "every row's prediction and probabilities as in one run");
            CollectionAssert.AreEqual(whole.Categorical("PredictedLabel").Categories.ToArray(), batched.Categorical("PredictedLabel").Categories.ToArray(), "the classes in the model's order");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void The_inputs_carry_the_categories_of_the_training_rows_where_the_model_keeps_them()
    {
        var chain = Pipelines.Export.Tests.Onnx.OnnxCases.Chain();
        var path = Path.Combine(Path.GetTempPath(), $"scorer-{Guid.NewGuid():N}.onnx");
        try
        {
            OnnxModel.Save(OnnxExporter.Export(chain.Fitted, chain.Training), path);
            using (var scorer = OnnxScorer.Open(path))
            {
                var expected = chain.Training.Schema.WithCategoriesOf(chain.Training).Features.Where(c => c.Name is "color" or "band").ToArray();
                CollectionAssert.AreEqual(expected, scorer.Inputs.Where(i => i.Name is "color" or "band").ToArray());
                Assert.IsTrue(expected.All(c => c.Categories is { Count: > 0 }));
                Assert.IsTrue(scorer.Inputs.Where(i => i.Kind == Data.ColumnKind.Numeric).All(i => i.Categories is null));
            }
            // A model exported from a schema alone (an older pipeline file) keeps none.
            OnnxModel.Save(OnnxExporter.Export(chain.Fitted, chain.Training.Schema), path);
            using var bare = OnnxScorer.Open(path);
            Assert.IsTrue(bare.Inputs.All(i => i.Categories is null));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
