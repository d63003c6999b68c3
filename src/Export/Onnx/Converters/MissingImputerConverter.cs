using Pipelines.Data;
using Pipelines.Export.Onnx.Conversion;
using Pipelines.Export.Onnx.Proto;
using Pipelines.Transforms.Cleaning;

namespace Pipelines.Export.Onnx.Converters;

/// <summary>
/// <see cref="MissingImputer"/>. Numeric: Where(IsNaN(x), fill, x). Categorical: Where(x == "", fill, x), the test being
/// an ai.onnx.ml LabelEncoder since opset 17 has no string Equal. Indicators, from the values before filling:
/// Cast(IsNaN(x)) to float for numeric sources, a LabelEncoder "" -> 1, else 0 for categorical ones.
/// </summary>
[OnnxConverter]
public sealed class MissingImputerConverter : OnnxConverter<MissingImputer>
{
    /// <inheritdoc/>
    protected override void Convert(MissingImputer transformer, OnnxConversionContext context)
    {
        var graph = context.Graph;
        var indicators = new string[transformer.IndicatorSources.Count];
        for (var i = 0; i < indicators.Length; i++)
        {
            var source = transformer.IndicatorSources[i];
            var hint = transformer.IndicatorNames[i];
            indicators[i] = context.Schema.TryGet(source, out var schema) && schema.Kind == ColumnKind.Numeric
                ? graph.AddNode("Cast", hint, [graph.AddNode("IsNaN", hint + "_isnan", [context.Numeric(source)])], OnnxPatterns.CastTo(TensorProto.Types.DataType.Float))
                : OnnxPatterns.MissingStringAsFloat(graph, context.Categorical(source), hint);
        }
        for (var i = 0; i < transformer.NumericColumns.Count; i++)
        {
            var column = transformer.NumericColumns[i];
            var x = context.Numeric(column);
            var fill = graph.AddFloats(column + "_fill", [transformer.NumericFills[i]]);
            var missing = graph.AddNode("IsNaN", column + "_isnan", [x]);
            context.SetNumeric(column, graph.AddNode("Where", column + "_imputed", [missing, fill, x]));
        }
        for (var i = 0; i < transformer.CategoricalColumns.Count; i++)
        {
            var column = transformer.CategoricalColumns[i];
            var x = context.Categorical(column);
            var fill = graph.AddStrings(column + "_fill", [transformer.CategoricalFills[i]]);
            var missing = OnnxPatterns.MissingString(graph, x, column + "_ismissing");
            context.SetCategorical(column, graph.AddNode("Where", column + "_imputed", [missing, fill, x]));
        }
        for (var i = 0; i < indicators.Length; i++) context.SetNumeric(transformer.IndicatorNames[i], indicators[i]);
    }
}
