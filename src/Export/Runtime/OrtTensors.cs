using System.Runtime.InteropServices;
using System.Text;

namespace Pipelines.Export.Runtime;

/// <summary>
/// Moves tensors between managed arrays and <c>OrtValue</c>s: inputs borrow pinned float/int64 arrays (the pins live until
/// the run ends) or copy strings into ORT; outputs are copied into new managed arrays.
/// </summary>
internal static unsafe class OrtTensors
{
    /// <summary>Creates the <c>OrtValue</c> for <paramref name="tensor"/>; float and int64 data stay pinned through <paramref name="pins"/>.</summary>
    public static ValueHandle ToValue(OrtLibrary library, NamedTensor tensor, List<GCHandle> pins)
    {
        var api = library.Api;
        var action = $"creating input tensor '{tensor.Name}'";
        nint value;
        fixed (long* shape = tensor.ShapeSpan)
        {
            if (tensor.ElementType == TensorElementType.String)
            {
                OrtStatus.Check(api, api.CreateTensorAsOrtValue(library.Allocator, shape, (nuint)tensor.ShapeSpan.Length,
                    (int)TensorElementType.String, &value), action);
                var handle = new ValueHandle(api, value);
                try
                {
                    FillStrings(api, value, (string[])tensor.Data, action);
                }
                catch
                {
                    handle.Dispose();
                    throw;
                }
                return handle;
            }

            var elementSize = tensor.ElementType switch
            {
                TensorElementType.Float => sizeof(float),
                TensorElementType.Int64 => sizeof(long),
                _ => throw new OnnxRuntimeException($"Tensor '{tensor.Name}' has elements of type {tensor.ElementType}; inputs may be Float, Int64 or String."),
            };
            var pin = GCHandle.Alloc(tensor.Data, GCHandleType.Pinned);
            pins.Add(pin);
            // An empty array may pin to address zero; ORT wants a valid pointer even for zero bytes.
            var data = tensor.Length == 0 ? (void*)shape : (void*)pin.AddrOfPinnedObject();
            OrtStatus.Check(api, api.CreateTensorWithDataAsOrtValue(library.CpuMemory.Pointer, data,
                (nuint)((long)tensor.Length * elementSize), shape, (nuint)tensor.ShapeSpan.Length, (int)tensor.ElementType, &value), action);
            return new ValueHandle(api, value);
        }
    }

    /// <summary>Copies output <paramref name="value"/> into a new <see cref="NamedTensor"/> called <paramref name="name"/>.</summary>
    public static NamedTensor FromValue(OrtApi api, string name, ValueHandle value)
    {
        var action = $"reading output '{name}'";
        int valueType;
        OrtStatus.Check(api, api.GetValueType(value.Pointer, &valueType), action);
        if ((OnnxValueType)valueType != OnnxValueType.Tensor)
            throw new OnnxRuntimeException(
                $"Output '{name}' is a {(OnnxValueType)valueType}, and this binding reads tensors only. " +
                "Export the model without ZipMap (or other non-tensor outputs), or leave this output out of the run.");

        nint info;
        OrtStatus.Check(api, api.GetTensorTypeAndShape(value.Pointer, &info), action);
        using var infoHandle = new TensorShapeHandle(api, info);
        int elementType;
        nuint rank, count;
        OrtStatus.Check(api, api.GetTensorElementType(info, &elementType), action);
        OrtStatus.Check(api, api.GetDimensionsCount(info, &rank), action);
        var shape = new long[(int)rank];
        fixed (long* dims = shape) OrtStatus.Check(api, api.GetDimensions(info, dims, rank), action);
        OrtStatus.Check(api, api.GetTensorShapeElementCount(info, &count), action);

        Array data = (TensorElementType)elementType switch
        {
            TensorElementType.Float => CopyNumbers<float>(api, value, (int)count, action),
            TensorElementType.Int64 => CopyNumbers<long>(api, value, (int)count, action),
            TensorElementType.String => CopyStrings(api, value, (int)count, action),
            var other => throw new OnnxRuntimeException(
                $"Output '{name}' has elements of type {other}; this binding reads Float, Int64 and String tensors. " +
                "Add a Cast node to the model, or leave this output out of the run."),
        };
        return NamedTensor.Create(name, (TensorElementType)elementType, data, shape);
    }

    private static void FillStrings(OrtApi api, nint value, string[] strings, string action)
    {
        if (strings.Length == 0) return;
        // All strings as UTF-8, each followed by a zero byte, in one buffer; ORT copies them.
        var offsets = new int[strings.Length];
        var total = 0;
        for (var i = 0; i < strings.Length; i++)
        {
            offsets[i] = total;
            total += Encoding.UTF8.GetByteCount(strings[i]) + 1;
        }
        var buffer = new byte[total];
        for (var i = 0; i < strings.Length; i++) Encoding.UTF8.GetBytes(strings[i], buffer.AsSpan(offsets[i]));
        var pointers = new nint[strings.Length];
        fixed (byte* start = buffer)
        fixed (nint* table = pointers)
        {
            for (var i = 0; i < strings.Length; i++) table[i] = (nint)(start + offsets[i]);
            OrtStatus.Check(api, api.FillStringTensor(value, (byte**)table, (nuint)strings.Length), action);
        }
    }

    private static T[] CopyNumbers<T>(OrtApi api, ValueHandle value, int count, string action) where T : unmanaged
    {
        var result = new T[count];
        if (count == 0) return result;
        void* data;
        OrtStatus.Check(api, api.GetTensorMutableData(value.Pointer, &data), action);
        new ReadOnlySpan<T>(data, count).CopyTo(result);
        return result;
    }

    private static string[] CopyStrings(OrtApi api, ValueHandle value, int count, string action)
    {
        var result = new string[count];
        if (count == 0) return result;
        nuint length;
        OrtStatus.Check(api, api.GetStringTensorDataLength(value.Pointer, &length), action);
        var bytes = new byte[Math.Max(1, (int)length)];
        var offsets = new nuint[count];
        fixed (byte* content = bytes)
        fixed (nuint* starts = offsets)
        {
            OrtStatus.Check(api, api.GetStringTensorContent(value.Pointer, content, length, starts, (nuint)count), action);
        }
        for (var i = 0; i < count; i++)
        {
            var start = (int)offsets[i];
            var end = i + 1 < count ? (int)offsets[i + 1] : (int)length;
            result[i] = Encoding.UTF8.GetString(bytes, start, end - start);
        }
        return result;
    }
}
