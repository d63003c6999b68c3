namespace Pipelines.AutoML.Student;

/// <summary>
/// Where <see cref="CompressionStages.Measure"/> writes each stage's ONNX model (atomically: a temporary sibling renamed
/// over the target). A null path measures that model from its bytes in memory without writing it; the size is the same.
/// </summary>
public sealed record CompressionOutputs(string? Teacher = null, string? Student = null, string? PrunedStudent = null, string? QuantizedStudent = null)
{
    /// <summary>model.onnx (the teacher), student.onnx, student.pruned.onnx and student.int8.onnx in <paramref name="folder"/>.</summary>
    public static CompressionOutputs InFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        return new(
            Path.Combine(folder, "model.onnx"), Path.Combine(folder, "student.onnx"),
            Path.Combine(folder, "student.pruned.onnx"), Path.Combine(folder, "student.int8.onnx"));
    }
}
