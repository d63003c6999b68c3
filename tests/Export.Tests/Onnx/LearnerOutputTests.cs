using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Export.Onnx;
using Pipelines.Export.Onnx.Conversion;
using Pipelines.Export.Onnx.Proto;
using Pipelines.Prediction;
using Pipelines.Tests.Contract;
using Pipelines.Transforms.Normalization;

namespace Pipelines.Export.Tests.Onnx;

/// <summary>
/// How a learner's converter plugs in: it declares the graph outputs (label string [N], probabilities float [N, K]),
/// which then replace the per-column outputs. Shown with a toy logistic model on x1.
/// </summary>
[TestClass]
public sealed class LearnerOutputTests
{
    [TestMethod]
    public void Declared_label_and_probability_outputs_replace_column_outputs_and_match_predict()
    {
        var data = ContractData.Standard();
        var pipeline = new TransformerChain([new ZScoreNormalize().Fit(data), new ToyLogistic()]);
        var registry = OnnxConverterRegistry.Default.With(new ToyLogisticConverter());
        var model = OnnxExporter.Export(pipeline, data, new OnnxExportOptions(Registry: registry));

        CollectionAssert.AreEqual(new[] { "PredictedLabel", "Probability" }, model.Graph.Output.Select(o => o.Name).ToArray());
        CollectionAssert.AreEqual(new[] { "no", "yes" }, System.Text.Json.JsonSerializer.Deserialize<string[]>(model.MetadataProps.Single(p => p.Key == "label_classes").Value));
        OnnxChecker.Check(model);

        var expected = pipeline.Transform(data);
        var outputs = OrtOutput.Run(model, data);
        var labels = outputs[0].Strings;
        var probabilities = outputs[1].Floats;
        CollectionAssert.AreEqual(new[] { data.RowCount, 2 }, outputs[1].Shape);
        var predicted = expected.Categorical(PredictionColumns.PredictedLabel);
        var yes = expected.Numeric(PredictionColumns.Probability("yes"));
        for (var r = 0; r < data.RowCount; r++)
        {
            Assert.AreEqual(predicted.ValueAt(r), labels[r], $"row {r}");
            Assert.AreEqual(yes[r], probabilities[2 * r + 1], 1e-5f, $"row {r}");
        }
    }

    /// <summary>P(yes) = sigmoid(2 x1).</summary>
    private sealed class ToyLogistic() : Predictor(PredictionTask.BinaryClassification, ["x1"], ["no", "yes"])
    {
        public override float[] Predict(DataFrame input)
        {
            var x = input.Numeric("x1").Values;
            var result = new float[x.Length * 2];
            for (var r = 0; r < x.Length; r++)
            {
                var p = 1f / (1f + MathF.Exp(-2f * x[r]));
                result[2 * r] = 1f - p;
                result[2 * r + 1] = p;
            }
            return result;
        }
    }

    private sealed class ToyLogisticConverter : OnnxConverter<ToyLogistic>
    {
        protected override void Convert(ToyLogistic transformer, OnnxConversionContext context)
        {
            var graph = context.Graph;
            var two = graph.AddFloats("two", [2f]);
            var one = graph.AddFloats("one", [1f]);
            var yes = graph.AddNode("Sigmoid", "p_yes", [graph.AddNode("Mul", "logit", [context.Numeric("x1"), two])]);
            var no = graph.AddNode("Sub", "p_no", [one, yes]);
            var probabilities = graph.AddNode("Concat", "probabilities", [no, yes], OnnxAttr.OfInt("axis", 1));
            var best = graph.AddNode("ArgMax", "best", [probabilities], OnnxAttr.OfInt("axis", 1), OnnxAttr.OfInt("keepdims", 0));
            var label = graph.AddMlNode("LabelEncoder", "label", [best],
                OnnxAttr.OfInts("keys_int64s", [0, 1]), OnnxAttr.OfStrings("values_strings", transformer.Classes), OnnxAttr.OfString("default_string", ""));
            context.DeclareOutput(PredictionColumns.PredictedLabel, label, TensorProto.Types.DataType.String, OnnxDim.Rows);
            context.DeclareOutput("Probability", probabilities, TensorProto.Types.DataType.Float, OnnxDim.Rows, OnnxDim.Fixed(2));
        }
    }
}
