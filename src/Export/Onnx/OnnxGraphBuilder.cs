using System.Globalization;
using System.Reflection;
using System.Text;
using Google.Protobuf;
using Pipelines.Export.Onnx.Proto;

namespace Pipelines.Export.Onnx;

/// <summary>
/// Builds one ONNX graph: inputs, outputs, initializers and nodes, with unique value and node names, and wraps it
/// in a model that imports the default domain at opset <see cref="OnnxOpsets.DefaultOpset"/> and ai.onnx.ml at
/// <see cref="OnnxOpsets.MlOpset"/>. Inputs keep the exact names they are given; every other value gets a name
/// derived from a hint, made unique (hints are reduced to letters, digits and '_', so they never contain '.').
/// </summary>
public sealed class OnnxGraphBuilder
{
    private readonly GraphProto _graph;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _nodeNames = new(StringComparer.Ordinal);

    /// <param name="graphName">The graph's name.</param>
    public OnnxGraphBuilder(string graphName = "pipeline")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(graphName);
        _graph = new GraphProto { Name = graphName };
    }

    /// <summary>The nodes added so far, in order.</summary>
    public IReadOnlyList<NodeProto> Nodes => _graph.Node;

    /// <summary>Whether a value named <paramref name="name"/> exists (input, initializer or node output).</summary>
    public bool HasValue(string name) => _names.Contains(name);

    /// <summary>
    /// The values the graph's outputs depend on: the outputs, and every input of a node whose outputs they depend on. A
    /// graph input not among them is one the model ignores.
    /// </summary>
    public IReadOnlySet<string> ValuesOutputsDependOn() => ValuesOutputsDependOn(_graph);

    /// <summary>The values <paramref name="graph"/>'s outputs depend on (its nodes in the order they were added, as ONNX requires).</summary>
    public static IReadOnlySet<string> ValuesOutputsDependOn(GraphProto graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var reached = new HashSet<string>(graph.Output.Select(o => o.Name), StringComparer.Ordinal);
        // A node comes after the values it reads, so one pass from the last node back reaches every dependency.
        for (var i = graph.Node.Count - 1; i >= 0; i--)
        {
            var node = graph.Node[i];
            if (node.Output.Any(reached.Contains)) reached.UnionWith(node.Input);
        }
        return reached;
    }

    /// <summary>A fresh value name built from <paramref name="hint"/>: the cleaned hint, or the hint with "_2", "_3", ... appended.</summary>
    public string UniqueName(string hint)
    {
        var clean = Clean(hint);
        if (_names.Add(clean)) return clean;
        for (var i = 2; ; i++)
        {
            var candidate = clean + "_" + i.ToString(CultureInfo.InvariantCulture);
            if (_names.Add(candidate)) return candidate;
        }
    }

    /// <summary>Adds a graph input named exactly <paramref name="name"/>; throws when the name is taken.</summary>
    public string AddInput(string name, TensorProto.Types.DataType type, params OnnxDim[] shape)
    {
        Claim(name);
        _graph.Input.Add(ValueInfo(name, type, shape));
        return name;
    }

    /// <summary>
    /// Makes <paramref name="value"/> a graph output named exactly <paramref name="name"/> (through an Identity node
    /// when the names differ); throws when <paramref name="name"/> is already a value.
    /// </summary>
    public void AddOutput(string name, string value, TensorProto.Types.DataType type, params OnnxDim[] shape)
    {
        RequireValue(value);
        if (name != value)
        {
            Claim(name);
            _graph.Node.Add(MakeNode("Identity", OnnxOpsets.DefaultDomain, [value], [name], []));
        }
        _graph.Output.Add(ValueInfo(name, type, shape));
    }

    /// <summary>A float constant of shape <paramref name="dims"/> (no dims: a scalar).</summary>
    public string AddFloats(string hint, IReadOnlyCollection<float> values, params long[] dims) =>
        AddInitializer(hint, TensorProto.Types.DataType.Float, values.Count, dims, t => t.FloatData.AddRange(values));

    /// <summary>A double constant of shape <paramref name="dims"/> (no dims: a scalar).</summary>
    public string AddDoubles(string hint, IReadOnlyCollection<double> values, params long[] dims) =>
        AddInitializer(hint, TensorProto.Types.DataType.Double, values.Count, dims, t => t.DoubleData.AddRange(values));

    /// <summary>An int64 constant of shape <paramref name="dims"/> (no dims: a scalar).</summary>
    public string AddInt64s(string hint, IReadOnlyCollection<long> values, params long[] dims) =>
        AddInitializer(hint, TensorProto.Types.DataType.Int64, values.Count, dims, t => t.Int64Data.AddRange(values));

    /// <summary>A string constant of shape <paramref name="dims"/> (no dims: a scalar), UTF-8 encoded.</summary>
    public string AddStrings(string hint, IReadOnlyCollection<string> values, params long[] dims) =>
        AddInitializer(hint, TensorProto.Types.DataType.String, values.Count, dims, t => t.StringData.AddRange(values.Select(ByteString.CopyFromUtf8)));

    /// <summary>Adds a default-domain node with one output named from <paramref name="hint"/>; returns that output.</summary>
    public string AddNode(string opType, string hint, IReadOnlyList<string> inputs, params OnnxAttr[] attributes) =>
        AddNode(opType, OnnxOpsets.DefaultDomain, hint, inputs, 1, attributes)[0];

    /// <summary>Adds an ai.onnx.ml node with one output named from <paramref name="hint"/>; returns that output.</summary>
    public string AddMlNode(string opType, string hint, IReadOnlyList<string> inputs, params OnnxAttr[] attributes) =>
        AddNode(opType, OnnxOpsets.MlDomain, hint, inputs, 1, attributes)[0];

    /// <summary>
    /// Adds a node of <paramref name="domain"/> with <paramref name="outputCount"/> outputs named from <paramref name="hint"/>.
    /// Inputs must be existing values, or "" for an optional input left out.
    /// </summary>
    public IReadOnlyList<string> AddNode(string opType, string domain, string hint, IReadOnlyList<string> inputs, int outputCount, params OnnxAttr[] attributes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(opType);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputCount, 1);
        if (domain != OnnxOpsets.DefaultDomain && domain != OnnxOpsets.MlDomain)
            throw new ArgumentException($"Domain '{domain}' is not imported; use the default domain or {OnnxOpsets.MlDomain}.", nameof(domain));
        foreach (var input in inputs) if (input.Length > 0) RequireValue(input);
        var outputs = new string[outputCount];
        for (var i = 0; i < outputCount; i++) outputs[i] = UniqueName(outputCount == 1 ? hint : hint + "_" + i.ToString(CultureInfo.InvariantCulture));
        _graph.Node.Add(MakeNode(opType, domain, inputs, outputs, attributes));
        return outputs;
    }

    /// <summary>
    /// The finished model: IR version <see cref="OnnxOpsets.IrVersion"/>, producer "Pipelines" with this library's version,
    /// <paramref name="docString"/> and <paramref name="metadata"/> (metadata_props). The builder can keep going afterwards.
    /// </summary>
    public ModelProto ToModel(string docString, IEnumerable<KeyValuePair<string, string>> metadata)
    {
        ArgumentNullException.ThrowIfNull(docString);
        ArgumentNullException.ThrowIfNull(metadata);
        var model = new ModelProto
        {
            IrVersion = OnnxOpsets.IrVersion,
            ProducerName = ProducerName,
            ProducerVersion = ProducerVersion,
            DocString = docString,
            Graph = _graph.Clone(),
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = OnnxOpsets.DefaultDomain, Version = OnnxOpsets.DefaultOpset });
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = OnnxOpsets.MlDomain, Version = OnnxOpsets.MlOpset });
        foreach (var (key, value) in metadata) model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        return model;
    }

    /// <summary>producer_name of every model: "Pipelines".</summary>
    public const string ProducerName = "Pipelines";

    /// <summary>producer_version: this library's informational version, without build metadata.</summary>
    public static string ProducerVersion { get; } =
        typeof(OnnxGraphBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private string AddInitializer(string hint, TensorProto.Types.DataType type, int count, long[] dims, Action<TensorProto> fill)
    {
        long expected = 1;
        foreach (var d in dims) expected *= d;
        if (expected != count)
            throw new ArgumentException($"Initializer '{hint}' has {count} values but its shape [{string.Join(", ", dims)}] holds {expected}.");
        var name = UniqueName(hint);
        var tensor = new TensorProto { Name = name, DataType = (int)type };
        tensor.Dims.AddRange(dims);
        fill(tensor);
        _graph.Initializer.Add(tensor);
        return name;
    }

    private NodeProto MakeNode(string opType, string domain, IEnumerable<string> inputs, IEnumerable<string> outputs, IEnumerable<OnnxAttr> attributes)
    {
        var node = new NodeProto { OpType = opType, Domain = domain, Name = UniqueNodeName(opType) };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes.Select(a => a.ToProto()));
        return node;
    }

    private string UniqueNodeName(string opType)
    {
        for (var i = _nodeNames.Count; ; i++)
        {
            var candidate = opType + "_" + i.ToString(CultureInfo.InvariantCulture);
            if (_nodeNames.Add(candidate)) return candidate;
        }
    }

    private void Claim(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_names.Add(name)) throw new ArgumentException($"The graph already has a value named '{name}'.", nameof(name));
    }

    private void RequireValue(string name)
    {
        if (!_names.Contains(name)) throw new ArgumentException($"The graph has no value named '{name}' yet; add it before using it.", nameof(name));
    }

    private static ValueInfoProto ValueInfo(string name, TensorProto.Types.DataType type, OnnxDim[] shape)
    {
        var tensorShape = new TensorShapeProto();
        foreach (var dim in shape)
        {
            tensorShape.Dim.Add(dim.Symbol is null
                ? new TensorShapeProto.Types.Dimension { DimValue = dim.Value }
                : new TensorShapeProto.Types.Dimension { DimParam = dim.Symbol });
        }
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = tensorShape } },
        };
    }

    private static string Clean(string hint)
    {
        var text = new StringBuilder(hint.Length);
        foreach (var c in hint) text.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        return text.Length == 0 ? "v" : text.ToString();
    }
}
