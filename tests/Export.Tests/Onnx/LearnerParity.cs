using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Export.Onnx;
using Pipelines.Export.Onnx.Proto;
using Pipelines.Prediction;

namespace Pipelines.Export.Tests.Onnx;

/// <summary>Exports a fitted pipeline ending in a learner, checks it with onnx.checker, runs it in ONNX Runtime and compares with Transform.</summary>
internal static class LearnerParity
{
    public const float ProbabilityTolerance = 1e-5f;

    /// <summary>Labels identical, probabilities within 1e-5 absolute (classification); scores within 1e-5 relative (regression).</summary>
    public static ModelProto Assert(ITransformer fitted, DataFrame training, DataFrame frame, bool check = true)
    {
        var model = OnnxExporter.Export(fitted, training);
        if (check) OnnxChecker.Check(model);
        var expected = fitted.Transform(frame);
        var byName = OrtOutput.Run(model, frame).ToDictionary(o => o.Name);
        var rows = frame.RowCount;
        if (byName.TryGetValue(OnnxLearnerOutputs.Score, out var score))
        {
            CollectionAssert.AreEqual(new[] { rows, 1 }, score.Shape);
            var actual = score.Floats;
            var want = expected.Numeric(PredictionColumns.Score);
            for (var r = 0; r < rows; r++)
                Microsoft.VisualStudio.TestTools.UnitTesting.Assert.AreEqual(want[r], actual[r], 1e-5f * Math.Max(1f, Math.Abs(want[r])), $"score, row {r}");
            return model;
        }
        var labels = byName[OnnxLearnerOutputs.PredictedLabel].Strings;
        var probability = byName[OnnxLearnerOutputs.Probability];
        var predicted = (CategoricalColumn)expected[PredictionColumns.PredictedLabel];
        var classes = predicted.Categories;
        CollectionAssert.AreEqual(new[] { rows, classes.Count }, probability.Shape);
        var p = probability.Floats;
        for (var c = 0; c < classes.Count; c++)
        {
            var want = expected.Numeric(PredictionColumns.Probability(classes[c]));
            for (var r = 0; r < rows; r++)
                Microsoft.VisualStudio.TestTools.UnitTesting.Assert.AreEqual(want[r], p[r * classes.Count + c], ProbabilityTolerance, $"P({classes[c]}), row {r}");
        }
        for (var r = 0; r < rows; r++) Microsoft.VisualStudio.TestTools.UnitTesting.Assert.AreEqual(predicted.ValueAt(r), labels[r], $"label, row {r}");
        return model;
    }
}
