using System.Buffers.Binary;
using Google.Protobuf;
using Pipelines.Export.Onnx.Proto;

namespace Pipelines.Export.Quantization;

/// <summary>Reads float initializers and makes the int8, uint8, int32, float16 and float initializers the rewrites add.</summary>
internal static class TensorData
{
    /// <summary>The values of a float tensor held in the file (float_data or little-endian raw_data); null for other types or external data.</summary>
    public static float[]? Floats(TensorProto tensor)
    {
        if (tensor.DataType != (int)TensorProto.Types.DataType.Float || tensor.DataLocation == TensorProto.Types.DataLocation.External) return null;
        var count = Count(tensor);
        if (tensor.FloatData.Count == count) return [.. tensor.FloatData];
        if (tensor.RawData.Length != count * sizeof(float)) return null;
        var raw = tensor.RawData.Span;
        var values = new float[count];
        for (var i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(raw[(i * 4)..]);
        return values;
    }

    /// <summary>The element count: the product of the dims (1 for a scalar).</summary>
    public static long Count(TensorProto tensor)
    {
        long count = 1;
        foreach (var d in tensor.Dims) count *= d;
        return count;
    }

    /// <summary>A float tensor.</summary>
    public static TensorProto Float(string name, IReadOnlyCollection<float> values, params long[] dims)
    {
        var tensor = New(name, TensorProto.Types.DataType.Float, dims);
        tensor.FloatData.AddRange(values);
        return tensor;
    }

    /// <summary>An int8 tensor (raw_data, one byte per value).</summary>
    public static TensorProto Int8(string name, ReadOnlySpan<sbyte> values, params long[] dims)
    {
        var tensor = New(name, TensorProto.Types.DataType.Int8, dims);
        tensor.RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values));
        return tensor;
    }

    /// <summary>A uint8 tensor (raw_data).</summary>
    public static TensorProto UInt8(string name, ReadOnlySpan<byte> values, params long[] dims)
    {
        var tensor = New(name, TensorProto.Types.DataType.Uint8, dims);
        tensor.RawData = ByteString.CopyFrom(values);
        return tensor;
    }

    /// <summary>An int32 tensor.</summary>
    public static TensorProto Int32(string name, IReadOnlyCollection<int> values, params long[] dims)
    {
        var tensor = New(name, TensorProto.Types.DataType.Int32, dims);
        tensor.Int32Data.AddRange(values);
        return tensor;
    }

    /// <summary>
    /// A float16 tensor of <paramref name="values"/> rounded to nearest even (raw_data, little-endian); values beyond
    /// float16's range (65504) are clamped to it, and <paramref name="clamped"/> counts them.
    /// </summary>
    public static TensorProto Float16(string name, ReadOnlySpan<float> values, IEnumerable<long> dims, out int clamped)
    {
        var tensor = New(name, TensorProto.Types.DataType.Float16, [.. dims]);
        var bytes = new byte[values.Length * 2];
        clamped = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (Math.Abs(v) > (float)Half.MaxValue)
            {
                v = MathF.CopySign((float)Half.MaxValue, v);
                clamped++;
            }
            BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(i * 2), (Half)v);
        }
        tensor.RawData = ByteString.CopyFrom(bytes);
        return tensor;
    }

    private static TensorProto New(string name, TensorProto.Types.DataType type, long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type };
        tensor.Dims.AddRange(dims);
        return tensor;
    }
}
