using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Export.Onnx;
using Pipelines.Export.Onnx.Proto;
using Pipelines.Export.Runtime;
using Pipelines.Export.Serving;
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
        using var session = new InferenceSession(OnnxModel.ToBytes(model));
        var outputs = session.Run(OnnxInputs.FromFrame(session.Inputs, frame));
        var byName = outputs.ToDictionary(o => o.Name);
        var rows = frame.RowCount;
        if (byName.TryGetValue(OnnxLearnerOutputs.Score, out var score))
        {
            CollectionAssert.AreEqual(new long[] { rows, 1 }, score.Shape.ToArray());
            var actual = score.GetFloats();
            var want = expected.Numeric(PredictionColumns.Score);
            for (var r = 0; r < rows; r++)
                Microsoft.VisualStudio.TestTools.UnitTesting.Assert.AreEqual(want[r], actual[r], 1e-5f * Math.Max(1f, Math.Abs(want[r])), $"score, row {r}");
            return model;
        }
        var labels = byName[OnnxLearnerOutputs.PredictedLabel].GetStrings();
        var probability = byName[OnnxLearnerOutputs.Probability];
        var predicted = (CategoricalColumn)expected[PredictionColumns.PredictedLabel];
        var classes = predicted.Categories;
        CollectionAssert.AreEqual(new long[] { rows, classes.Count }, probability.Shape.ToArray());
        var p = probability.GetFloats();
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
