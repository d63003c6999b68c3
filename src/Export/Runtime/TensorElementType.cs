namespace Pipelines.Export.Runtime;

/// <summary>
/// ONNX tensor element types (<c>ONNXTensorElementDataType</c>). <see cref="InferenceSession.Run"/> exchanges
/// <see cref="Float"/>, <see cref="Int64"/> and <see cref="String"/> tensors; the others appear in
/// <see cref="TensorInfo"/> so a model's signature can be shown whatever it holds.
/// </summary>
#pragma warning disable CA1720 // The members are named after ONNX's element types, which are type names.
public enum TensorElementType
{
    /// <summary>Not a tensor, or unknown.</summary>
    Undefined = 0,
    /// <summary>32-bit float.</summary>
    Float = 1,
    /// <summary>Unsigned 8-bit integer.</summary>
    UInt8 = 2,
    /// <summary>Signed 8-bit integer.</summary>
    Int8 = 3,
    /// <summary>Unsigned 16-bit integer.</summary>
    UInt16 = 4,
    /// <summary>Signed 16-bit integer.</summary>
    Int16 = 5,
    /// <summary>Signed 32-bit integer.</summary>
    Int32 = 6,
    /// <summary>Signed 64-bit integer.</summary>
    Int64 = 7,
    /// <summary>UTF-8 string.</summary>
    String = 8,
    /// <summary>Boolean.</summary>
    Bool = 9,
    /// <summary>16-bit IEEE float.</summary>
    Float16 = 10,
    /// <summary>64-bit float.</summary>
    Double = 11,
    /// <summary>Unsigned 32-bit integer.</summary>
    UInt32 = 12,
    /// <summary>Unsigned 64-bit integer.</summary>
    UInt64 = 13,
}
#pragma warning restore CA1720
