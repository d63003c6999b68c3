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
}
