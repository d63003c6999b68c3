using Pipelines.Export.Onnx.Conversion;
using Pipelines.Export.Onnx.Proto;
using Pipelines.Transforms.Encoding;

namespace Pipelines.Export.Onnx.Converters;

/// <summary>
/// <see cref="OneHotEncoder"/>, per source column: an ai.onnx.ml LabelEncoder maps the category name to its output slot
/// (kept categories to their own, infrequent ones to "col=__other__", "" (missing) to "col=__missing__" or -1, anything
/// else to the other slot when unseen categories go there, else -1); Equal against 0..k-1 and Cast give the float 0/1
/// columns [N, k], split into one [N, 1] value per output. Slot -1 matches nothing: all zeros, as the step does.
/// </summary>
[OnnxConverter]
public sealed class OneHotEncoderConverter : OnnxConverter<OneHotEncoder>
{
    /// <inheritdoc/>
    protected override void Convert(OneHotEncoder transformer, OnnxConversionContext context)
    {
        var graph = context.Graph;
        for (var i = 0; i < transformer.Columns.Count; i++)
        {
            var column = transformer.Columns[i];
            var names = transformer.OutputNames(i);
            var kept = transformer.Categories[i];
            var infrequent = transformer.Infrequent[i];
            OnnxPatterns.RefuseEmptyCategory(nameof(OneHotEncoder), column, [.. kept, .. infrequent]);
            var x = context.Categorical(column);
            context.Remove(column);
            if (names.Count == 0) continue;
            long other = transformer.HasOther[i] ? kept.Count : -1;
            long missing = transformer.MissingColumn ? names.Count - 1 : -1;
            var slot = graph.AddMlNode("LabelEncoder", column + "_slot", [x],
                OnnxAttr.OfStrings("keys_strings", [.. kept, .. infrequent, OnnxPatterns.MissingCategory]),
                OnnxAttr.OfInts("values_int64s", [.. Enumerable.Range(0, kept.Count).Select(j => (long)j), .. infrequent.Select(_ => other), missing]),
                OnnxAttr.OfInt("default_int64", transformer.UnseenToOther ? other : -1));
            var slots = graph.AddInt64s(column + "_slots", [.. Enumerable.Range(0, names.Count).Select(j => (long)j)], 1, names.Count);
            var hot = graph.AddNode("Equal", column + "_hot", [slot, slots]);
            var values = graph.AddNode("Cast", column + "_onehot", [hot], OnnxPatterns.CastTo(TensorProto.Types.DataType.Float));
            var outputs = OnnxPatterns.SplitColumns(graph, values, names.Count, column + "_onehot");
            for (var j = 0; j < names.Count; j++) context.SetNumeric(names[j], outputs[j]);
        }
    }
}
