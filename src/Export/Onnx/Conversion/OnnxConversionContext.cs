using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Export.Onnx.Proto;

namespace Pipelines.Export.Onnx.Conversion;

/// <summary>
/// The state of one export: the graph being built, and for each column of the current frame the ONNX value that
/// holds it as an [N, 1] tensor (float for numeric, NaN = missing; string for categorical, "" = missing).
/// Converters read columns, add nodes to <see cref="Graph"/>, then define or remove the columns their step outputs.
/// After each step the context checks the columns it holds against the step's output schema.
/// </summary>
public sealed class OnnxConversionContext
{
    private readonly Dictionary<string, (string Value, ColumnKind Kind)> _columns = new(StringComparer.Ordinal);
    private readonly List<OnnxGraphOutput> _outputs = [];

    // Raw text columns that became graph inputs, shared with branches so that each reads the same input.
    private readonly Dictionary<string, string> _textInputs;

    internal OnnxConversionContext(OnnxGraphBuilder graph, OnnxConverterRegistry registry, DataSchema input)
    {
        Graph = graph;
        Registry = registry;
        Schema = input;
        _textInputs = new(StringComparer.Ordinal);
        // One graph input per raw numeric or categorical feature, named as the column; text columns only when read.
        foreach (var column in input.Features)
        {
            if (column.Kind == ColumnKind.Text) continue;
            _columns[column.Name] = (graph.AddInput(column.Name, ElementType(column.Kind), OnnxDim.Rows, OnnxDim.Fixed(1)), column.Kind);
        }
    }

    private OnnxConversionContext(OnnxConversionContext parent)
    {
        Graph = parent.Graph;
        Registry = parent.Registry;
        Schema = parent.Schema;
        _textInputs = parent._textInputs;
        foreach (var (name, held) in parent._columns) _columns[name] = held;
    }

    /// <summary>The graph being built.</summary>
    public OnnxGraphBuilder Graph { get; }

    /// <summary>The converters in use, for steps that hold other steps.</summary>
    public OnnxConverterRegistry Registry { get; }

    /// <summary>The schema of the frame the step being converted receives.</summary>
    public DataSchema Schema { get; private set; }

    /// <summary>Graph outputs declared by converters (a learner's label and probabilities); empty for a transform-only pipeline.</summary>
    public IReadOnlyList<OnnxGraphOutput> DeclaredOutputs => _outputs;

    /// <summary>The ONNX element type of a column kind: float for numeric, string for categorical and text.</summary>
    public static TensorProto.Types.DataType ElementType(ColumnKind kind) =>
        kind == ColumnKind.Numeric ? TensorProto.Types.DataType.Float : TensorProto.Types.DataType.String;

    /// <summary>The value holding numeric column <paramref name="column"/>: float [N, 1], NaN where missing.</summary>
    public string Numeric(string column) => Value(column, ColumnKind.Numeric);

    /// <summary>The value holding categorical column <paramref name="column"/>: string [N, 1], "" where missing.</summary>
    public string Categorical(string column) => Value(column, ColumnKind.Categorical);

    /// <summary>The value holding text column <paramref name="column"/>: string [N, 1], "" where missing; a raw text column becomes a graph input when first read.</summary>
    public string Text(string column) => Value(column, ColumnKind.Text);

    /// <summary>Defines (or replaces) numeric column <paramref name="column"/> as <paramref name="value"/>, a float [N, 1] value.</summary>
    public void SetNumeric(string column, string value) => Set(column, value, ColumnKind.Numeric);

    /// <summary>Defines (or replaces) categorical column <paramref name="column"/> as <paramref name="value"/>, a string [N, 1] value.</summary>
    public void SetCategorical(string column, string value) => Set(column, value, ColumnKind.Categorical);

    /// <summary>Removes <paramref name="column"/>: later steps and the outputs no longer see it. Removing an absent column is a no-op.</summary>
    public void Remove(string column) => _columns.Remove(column);

    /// <summary>
    /// Declares a graph output named exactly <paramref name="name"/> holding <paramref name="value"/>. Once any converter
    /// declares outputs, those are the graph's outputs instead of every column (what a learner does).
    /// </summary>
    public void DeclareOutput(string name, string value, TensorProto.Types.DataType type, params OnnxDim[] shape)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!Graph.HasValue(value)) throw new ArgumentException($"The graph has no value named '{value}'.", nameof(value));
        if (_outputs.Exists(o => o.Name == name)) throw new ArgumentException($"Output '{name}' is already declared.", nameof(name));
        _outputs.Add(new OnnxGraphOutput(name, value, type, [.. shape]));
    }

    /// <summary>
    /// Removes the declared output named <paramref name="name"/> and returns the value it held (null when none is declared),
    /// for a step that rewrites what the learner before it outputs (calibrated probabilities, a decision rule's label).
    /// </summary>
    public string? RemoveOutput(string name)
    {
        var index = _outputs.FindIndex(o => o.Name == name);
        if (index < 0) return null;
        var value = _outputs[index].Value;
        _outputs.RemoveAt(index);
        return value;
    }

    /// <summary>
    /// Converts <paramref name="step"/> with its registered converter, then checks that every column the context still
    /// holds is in the step's output schema with the same kind.
    /// </summary>
    public void Convert(ITransformer step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var after = step.GetOutputSchema(Schema);
        Registry.Find(step.GetType()).Convert(step, this);
        foreach (var (name, (_, kind)) in _columns)
        {
            if (!after.TryGet(name, out var column))
                throw new OnnxExportException($"The ONNX converter for {step.GetType().Name} left column '{name}' in the graph, but the step's output has no such column.");
            if (column.Kind != kind)
                throw new OnnxExportException($"The ONNX converter for {step.GetType().Name} defines column '{name}' as {kind}, but the step outputs it as {column.Kind}.");
        }
        Schema = after;
    }

    /// <summary>
    /// A context for converting one of several sub-pipelines that read the same frame (ensemble members): it shares the
    /// graph and the registry, starts from a copy of this context's columns and schema, and keeps its own columns and
    /// declared outputs, so what one branch defines, removes or declares never reaches this context or another branch.
    /// The caller reads the branch's <see cref="DeclaredOutputs"/> and combines them.
    /// </summary>
    public OnnxConversionContext Branch() => new(this);

    /// <summary>Whether the context holds a value for <paramref name="column"/>.</summary>
    public bool Has(string column) => _columns.ContainsKey(column);

    private string Value(string column, ColumnKind kind)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (_columns.TryGetValue(column, out var held))
        {
            if (held.Kind != kind) throw new OnnxExportException($"Column '{column}' is {held.Kind} in the graph, not {kind}.");
            return held.Value;
        }
        if (!Schema.TryGet(column, out var schema))
            throw new OnnxExportException($"Column '{column}' is not in the frame at this step ({Schema}).");
        if (schema.Role != ColumnRole.Feature)
            throw new OnnxExportException($"Column '{column}' is the {schema.Role.ToString().ToLowerInvariant()}; the ONNX graph has only feature columns as inputs.");
        if (schema.Kind == ColumnKind.Text && kind == ColumnKind.Text && (_textInputs.TryGetValue(column, out var input) || !Graph.HasValue(column)))
        {
            input ??= _textInputs[column] = Graph.AddInput(column, TensorProto.Types.DataType.String, OnnxDim.Rows, OnnxDim.Fixed(1));
            _columns[column] = (input, ColumnKind.Text);
            return input;
        }
        throw new OnnxExportException($"Column '{column}' ({schema.Kind}) has no ONNX value: the converter of the step that made it does not define it.");
    }

    private void Set(string column, string value, ColumnKind kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(column);
        if (!Graph.HasValue(value)) throw new ArgumentException($"The graph has no value named '{value}'.", nameof(value));
        _columns[column] = (value, kind);
    }
}
