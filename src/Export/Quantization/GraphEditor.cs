using System.Globalization;
using Pipelines.Export.Onnx;
using Pipelines.Export.Onnx.Proto;

namespace Pipelines.Export.Quantization;

/// <summary>
/// Edits one graph in place: finds constant initializers and how often a value is read, hands out unused value and node
/// names, and makes nodes. Rewrites replace each node by a list of nodes, so the graph stays topologically sorted.
/// </summary>
internal sealed class GraphEditor
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _nodeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TensorProto> _initializers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _graphInputs = new(StringComparer.Ordinal);

    public GraphEditor(GraphProto graph)
    {
        Graph = graph;
        foreach (var input in graph.Input) { _names.Add(input.Name); _graphInputs.Add(input.Name); }
        foreach (var output in graph.Output) _names.Add(output.Name);
        foreach (var tensor in graph.Initializer) { _names.Add(tensor.Name); _initializers[tensor.Name] = tensor; }
        foreach (var node in graph.Node)
        {
            _nodeNames.Add(node.Name);
            foreach (var output in node.Output) _names.Add(output);
        }
    }

    public GraphProto Graph { get; }

    /// <summary>The initializer named <paramref name="name"/> when it is a true constant (not also a graph input a caller may override).</summary>
    public TensorProto? Constant(string name) =>
        _initializers.TryGetValue(name, out var tensor) && !_graphInputs.Contains(name) ? tensor : null;

    /// <summary>Whether <paramref name="name"/> is a graph input.</summary>
    public bool IsGraphInput(string name) => _graphInputs.Contains(name);

    /// <summary>The nodes that read <paramref name="value"/>.</summary>
    public IEnumerable<NodeProto> Consumers(string value) => Graph.Node.Where(n => n.Input.Contains(value));

    /// <summary>Whether a graph output is <paramref name="value"/>.</summary>
    public bool IsGraphOutput(string value) => Graph.Output.Any(o => o.Name == value);

    /// <summary>An unused value name built from <paramref name="hint"/>.</summary>
    public string Name(string hint)
    {
        if (_names.Add(hint)) return hint;
        for (var i = 2; ; i++)
        {
            var candidate = hint + "_" + i.ToString(CultureInfo.InvariantCulture);
            if (_names.Add(candidate)) return candidate;
        }
    }

    /// <summary>Adds <paramref name="tensor"/> as an initializer (its name must come from <see cref="Name"/>).</summary>
    public string Add(TensorProto tensor)
    {
        Graph.Initializer.Add(tensor);
        _initializers[tensor.Name] = tensor;
        return tensor.Name;
    }

    /// <summary>Removes initializer <paramref name="name"/> when no node and no graph output reads it any more.</summary>
    public void RemoveIfUnused(string name)
    {
        if (!_initializers.TryGetValue(name, out var tensor) || IsGraphInput(name) || IsGraphOutput(name)) return;
        if (Graph.Node.Any(n => n.Input.Contains(name))) return;
        Graph.Initializer.Remove(tensor);
        _initializers.Remove(name);
    }

    /// <summary>A default-domain node named after <paramref name="opType"/>.</summary>
    public NodeProto Node(string opType, IEnumerable<string> inputs, IEnumerable<string> outputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Domain = OnnxOpsets.DefaultDomain, Name = NodeName(opType + "_q") };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        return node;
    }

    /// <summary>An int attribute.</summary>
    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    /// <summary>Replaces the graph's nodes by <paramref name="nodes"/>.</summary>
    public void SetNodes(IEnumerable<NodeProto> nodes)
    {
        var list = nodes.ToList();
        Graph.Node.Clear();
        Graph.Node.AddRange(list);
    }

    private string NodeName(string hint)
    {
        for (var i = _nodeNames.Count; ; i++)
        {
            var candidate = hint + "_" + i.ToString(CultureInfo.InvariantCulture);
            if (_nodeNames.Add(candidate)) return candidate;
        }
    }
}
