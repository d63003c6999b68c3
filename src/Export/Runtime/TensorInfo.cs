namespace Pipelines.Export.Runtime;

/// <summary>
/// A session input or output as the model declares it. <see cref="Shape"/> holds -1 for a dimension the model leaves
/// free (a batch dimension, usually); it is empty for a scalar and for values that are not tensors.
/// </summary>
/// <param name="Name">The input or output name to use in <see cref="InferenceSession.Run"/>.</param>
/// <param name="ValueType">Tensor, sequence, map, ...</param>
/// <param name="ElementType">The tensor's element type; <see cref="TensorElementType.Undefined"/> for non-tensors.</param>
/// <param name="Shape">The declared dimensions, -1 where free.</param>
public sealed record TensorInfo(string Name, OnnxValueType ValueType, TensorElementType ElementType, IReadOnlyList<long> Shape)
{
    /// <summary>For example "X: Float[-1, 3]".</summary>
    public override string ToString() =>
        ValueType == OnnxValueType.Tensor ? $"{Name}: {ElementType}[{string.Join(", ", Shape)}]" : $"{Name}: {ValueType}";
}
