namespace Pipelines.AutoML.Student;

/// <summary>
/// One row of the compression table: a model (teacher, student, pruned student, int8 student) measured on the test rows.
/// Values a stage does not have are null (a teacher that cannot be exported has no ONNX size, latency or parity; the int8
/// model has no in-process form).
/// </summary>
/// <param name="Name">"teacher", "student", "pruned student" or "int8 student".</param>
/// <param name="Path">Where its ONNX model was written, or null when it was not.</param>
/// <param name="Bytes">Size of its ONNX model file (the serialized model).</param>
/// <param name="Parameters">Weights and biases (MLP) or tree parameters (GBDT) as <see cref="Trainers.Distillation.ModelSize"/> counts them; null when unknown.</param>
/// <param name="NonZeroParameters">Parameters that are not exactly 0 (students only).</param>
/// <param name="Accuracy">Test accuracy of its ONNX model in ONNX Runtime; in process when it has no ONNX model.</param>
/// <param name="Metric">The experiment's metric, scored like <paramref name="Accuracy"/>; null when no metric was given.</param>
/// <param name="InProcessAccuracy">Test accuracy of the fitted pipeline in process; null for the int8 model.</param>
/// <param name="TeacherAgreement">Share of test rows where its label is the teacher's (in process): fidelity to the teacher.</param>
/// <param name="BatchMsPerRow">ONNX Runtime milliseconds per row in batches (see <see cref="LatencyOptions"/>).</param>
/// <param name="SingleRowMs">ONNX Runtime milliseconds per single-row call.</param>
/// <param name="MaxProbabilityDelta">Parity: largest |probability difference| between ONNX Runtime and the in-process
/// pipeline (for the int8 model: the pruned student in process, so this is the quantization error).</param>
/// <param name="LabelAgreement">Parity: share of test rows where ONNX Runtime and that reference predict the same label.</param>
/// <param name="Note">Why something is missing, or what was done (quantization notes).</param>
public sealed record CompressionStage(
    string Name,
    string? Path,
    long? Bytes,
    long? Parameters,
    long? NonZeroParameters,
    double Accuracy,
    double? Metric,
    double? InProcessAccuracy,
    double TeacherAgreement,
    double? BatchMsPerRow,
    double? SingleRowMs,
    double? MaxProbabilityDelta,
    double? LabelAgreement,
    string? Note = null);
