using Pipelines.Data;
using Pipelines.Export.Onnx;

namespace Pipelines.Export.Tests.Onnx;

/// <summary>Runs an exported model in ONNX Runtime on a frame and compares every output with the in-process Transform.</summary>
internal static class OnnxParity
{
    public const float Tolerance = 1e-5f;

    /// <summary>Asserts that every output column of the transform-only model equals the in-process result on <paramref name="frame"/>.</summary>
    public static void AssertTransformParity(Core.ITransformer fitted, DataFrame training, DataFrame frame)
    {
        var model = OnnxExporter.Export(fitted, training);
        var expected = fitted.Transform(frame);
        var outputs = OrtOutput.Run(model, frame);
        var compared = 0;
        foreach (var output in outputs)
        {
            Assert.IsTrue(output.Name.EndsWith(OnnxExporter.OutputSuffix, StringComparison.Ordinal), output.Name);
            var column = expected[output.Name[..^OnnxExporter.OutputSuffix.Length]];
            CollectionAssert.AreEqual(new[] { frame.RowCount, 1 }, output.Shape, output.Name);
            if (column is NumericColumn numeric)
            {
                var actual = output.Floats;
                for (var r = 0; r < frame.RowCount; r++)
                {
                    var e = numeric[r];
                    var a = actual[r];
                    var ok = float.IsNaN(e) ? float.IsNaN(a) : Math.Abs(a - e) <= Tolerance * Math.Max(1f, Math.Abs(e));
                    Assert.IsTrue(ok, $"{column.Name}, row {r}: ONNX gives {a}, Transform gives {e}.");
                }
            }
            else
            {
                var actual = output.Strings;
                for (var r = 0; r < frame.RowCount; r++) Assert.AreEqual(column.FormatValue(r) ?? "", actual[r], $"{column.Name}, row {r}");
            }
            compared++;
        }
        var expectedColumns = expected.Features.Count(c => c.Kind != ColumnKind.Text);
        Assert.AreEqual(expectedColumns, compared, "every numeric and categorical feature column is an output");
    }
}
