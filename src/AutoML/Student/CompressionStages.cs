using Pipelines.Core;
using Pipelines.Data;
using Pipelines.IO;
using Pipelines.Errors;
using Pipelines.Evaluation;
using Pipelines.Export.Onnx;
using Pipelines.Export.Onnx.Proto;
using Pipelines.Export.Quantization;
using Pipelines.Prediction;
using Pipelines.Trainers.Distillation;
using Pipelines.Trainers.Mlp;

namespace Pipelines.AutoML.Student;

/// <summary>
/// The rows of a report's compression table: exports the teacher and the three student stages (distilled, pruned,
/// quantized) to ONNX, writes them where <see cref="CompressionOutputs"/> says, and measures each on the test rows in ONNX
/// Runtime: file size, accuracy (and the experiment's metric), latency (<see cref="LatencyOptions"/>) and parity with the
/// in-process pipeline. A teacher with no ONNX converter keeps its in-process accuracy and a note saying why the rest is
/// missing.
/// </summary>
public sealed record CompressionStages
{
    /// <summary>The experiment's metric, scored next to accuracy; null for accuracy only.</summary>
    public Metric? Metric { get; init; }

    /// <summary>How the pruned student is quantized for the last stage (<see cref="QuantizationMode.StaticQdq"/> calibrates on the training rows).</summary>
    public QuantizationMode Quantization { get; init; } = QuantizationMode.DynamicInt8;

    /// <summary>How models are timed.</summary>
    public LatencyOptions Latency { get; init; } = new();

    /// <summary>How the training file wrote its columns (date orders, units), which each stage's ONNX model keeps (<see cref="OnnxExportOptions.Conventions"/>).</summary>
    public ColumnConventions? Conventions { get; init; }

    /// <summary>Measures <paramref name="teacher"/> and <paramref name="student"/>, both fitted on <paramref name="train"/>, on <paramref name="test"/> (label set).</summary>
    public CompressionTable Measure(ITransformer teacher, StudentModel student, DataFrame train, DataFrame test, CompressionOutputs? outputs = null)
    {
        const string step = nameof(CompressionStages);
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(Latency);
        Latency.Validate(step);
        if (Metric is { } metric && metric.TaskOf() != MetricTask.Classification) ThrowHelper.BadOption(step, nameof(Metric), metric, "a classification metric");
        if (!Enum.IsDefined(Quantization)) ThrowHelper.BadOption(step, nameof(Quantization), Quantization, "a QuantizationMode");
        if (test.LabelName is null) ThrowHelper.NeedsLabel(step);
        if (test.RowCount == 0) ThrowHelper.TooFewRows(step, 0, 1);
        outputs ??= new CompressionOutputs();
        var classes = student.Classes;
        var teacherReference = StagePredictions.InProcess(teacher, test, classes, "teacher");
        var measurer = new StageMeasurer(test, classes, Metric, Latency, teacherReference);

        var (teacherModel, teacherNote) = TryExport(teacher, train);
        var teacherStage = measurer.Measure("teacher", teacherModel, outputs.Teacher, teacherReference, true, TeacherParameters(teacher), null, teacherNote);
        var distilled = student.DistilledPipeline;
        var studentStage = measurer.Measure(
            "student", Export(distilled, train), outputs.Student, StagePredictions.InProcess(distilled, test, classes, "student"), true,
            ModelSize.Parameters(student.Distilled), ModelSize.NonZeros(student.Distilled), null);
        var pruned = student.Pipeline;
        var prunedModel = Export(pruned, train);
        var prunedReference = StagePredictions.InProcess(pruned, test, classes, "pruned student");
        var prunedStage = measurer.Measure(
            "pruned student", prunedModel, outputs.PrunedStudent, prunedReference, true,
            ModelSize.Parameters(student.Pruned), ModelSize.NonZeros(student.Pruned), student.PruningReport.Method);
        var quantized = OnnxQuantizer.Quantize(prunedModel, Quantization, Quantization == QuantizationMode.StaticQdq ? train : null);
        var quantizedStage = measurer.Measure(
            Quantization == QuantizationMode.Float16 ? "fp16 student" : "int8 student", quantized.Model, outputs.QuantizedStudent, prunedReference, false,
            ModelSize.Parameters(student.Pruned), ModelSize.NonZeros(student.Pruned), QuantizationNote(quantized.Report));
        return new CompressionTable([teacherStage, studentStage, prunedStage, quantizedStage], Metric, test.RowCount);
    }

    private ModelProto Export(ITransformer model, DataFrame train) => OnnxExporter.Export(model, train, new OnnxExportOptions(Conventions: Conventions));

    private (ModelProto? Model, string? Note) TryExport(ITransformer teacher, DataFrame train)
    {
        try
        {
            return (Export(teacher, train), null);
        }
        catch (OnnxExportException e)
        {
            return (null, $"not exported to ONNX, so scored in process only: {e.Message}");
        }
    }

    // The learner's parameter count where ModelSize knows the learner (GBDT, MLP); null for anything else (ensembles).
    private static long? TeacherParameters(ITransformer teacher)
    {
        var learner = teacher switch
        {
            IPredictor predictor => predictor,
            TransformerChain { Steps.Count: > 0 } chain => chain.Steps[^1] as IPredictor,
            _ => null,
        };
        if (learner is not (Trainers.Trees.Prediction.GbdtModel or MlpModel)) return null;
        return ModelSize.Parameters(learner);
    }

    private static string QuantizationNote(QuantizationReport report) =>
        $"{report.Mode} of the pruned student, {report.Quantized.Count} node(s) rewritten; parity is against the pruned student in process"
        + string.Concat(report.Notes.Select(n => "; " + n));
}
