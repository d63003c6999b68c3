using Google.Protobuf;
using Pipelines.Export.Onnx.Proto;

namespace Pipelines.Export.Onnx;

/// <summary>A node attribute (name and typed value), made with one of the factories and turned into an <see cref="AttributeProto"/>.</summary>
public sealed class OnnxAttr
{
    private readonly AttributeProto _proto;

    private OnnxAttr(AttributeProto proto) => _proto = proto;

    /// <summary>The attribute's name.</summary>
    public string Name => _proto.Name;

    /// <summary>A 64-bit integer attribute.</summary>
    public static OnnxAttr OfInt(string name, long value) =>
        new(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value });

    /// <summary>A float attribute.</summary>
    public static OnnxAttr OfFloat(string name, float value) =>
        new(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value });

    /// <summary>A string attribute (UTF-8).</summary>
    public static OnnxAttr OfString(string name, string value) =>
        new(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) });

    /// <summary>A list of 64-bit integers.</summary>
    public static OnnxAttr OfInts(string name, IEnumerable<long> values)
    {
        var proto = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        proto.Ints.AddRange(values);
        return new(proto);
    }

    /// <summary>A list of floats.</summary>
    public static OnnxAttr OfFloats(string name, IEnumerable<float> values)
    {
        var proto = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Floats };
        proto.Floats.AddRange(values);
        return new(proto);
    }

    /// <summary>A list of strings (UTF-8).</summary>
    public static OnnxAttr OfStrings(string name, IEnumerable<string> values)
    {
        var proto = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Strings };
        proto.Strings.AddRange(values.Select(ByteString.CopyFromUtf8));
        return new(proto);
    }

    /// <summary>A 1-D double tensor attribute (the *_as_tensor attributes of ai.onnx.ml tree ensembles).</summary>
    public static OnnxAttr OfDoubleTensor(string name, IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var tensor = new TensorProto { DataType = (int)TensorProto.Types.DataType.Double };
        tensor.Dims.Add(values.Count);
        tensor.DoubleData.AddRange(values);
        return new(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Tensor, T = tensor });
    }

    /// <summary>A copy of the attribute as a protobuf message.</summary>
    public AttributeProto ToProto() => _proto.Clone();
}
