using System.Globalization;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.Export.Onnx;
using Pipelines.Export.Quantization;

namespace Pipelines.AutoML.Student;

/// <summary>
/// Whether a student is worth distilling. A student exists to be smaller or faster than the model it copies, at some
/// cost in quality, so it is distilled only when one of its shape would be at least <see cref="MinGain"/> times smaller
/// (ONNX file) or faster (ONNX Runtime, milliseconds per row in batches) than the teacher; a linear model or a small
/// set of trees often is as small and fast already. The student's size and speed are measured rather than guessed: a
/// network of the real student's shape (its preprocessing, its layers, int8) trained for one epoch on a few rows,
/// exported, quantized and timed as the teacher was.
/// </summary>
/// <param name="Distil">Whether to distil.</param>
/// <param name="TeacherBytes">The teacher's ONNX file size.</param>
/// <param name="TeacherMsPerRow">The teacher's ONNX Runtime milliseconds per row in batches.</param>
/// <param name="StudentBytes">The size of a student of the real one's shape (int8 ONNX).</param>
/// <param name="StudentMsPerRow">Its milliseconds per row, timed like the teacher's.</param>
public sealed record StudentChoice(bool Distil, long TeacherBytes, double TeacherMsPerRow, long StudentBytes, double StudentMsPerRow)
{
    /// <summary>How many times smaller or faster than the teacher a student must be to be distilled.</summary>
    public const double MinGain = 3;

    /// <summary>Rows a student of the real one's shape is fitted on to measure it.</summary>
    private const int SketchRows = 2000;

    /// <summary>Student size / teacher size.</summary>
    public double SizeRatio => StudentBytes / (double)TeacherBytes;

    /// <summary>Student latency / teacher latency (ms per row in batches).</summary>
    public double LatencyRatio => StudentMsPerRow / TeacherMsPerRow;

    /// <summary>The choice and its reason, in words.</summary>
    public string Reason => Distil
        ? Invariant($"distilled: a student is at least {MinGain:0}× smaller or faster than model.onnx ({Ratios})")
        : Invariant($"no student: model.onnx is already about as small and fast as a student would be ({Ratios}); a student is distilled when it is at least {MinGain:0}× smaller or faster");

    /// <summary>Student / teacher size and latency, with the values.</summary>
    public string Ratios => Invariant(
        $"size ratio {Ratio(SizeRatio)} ({Kib(StudentBytes)} / {Kib(TeacherBytes)}), latency ratio {Ratio(LatencyRatio)} ({StudentMsPerRow:0.0000} / {TeacherMsPerRow:0.0000} ms per row)");

    /// <summary>The rule on measured sizes and latencies.</summary>
    public static StudentChoice Decide(long teacherBytes, double teacherMsPerRow, long studentBytes, double studentMsPerRow)
    {
        var smaller = teacherBytes >= MinGain * studentBytes;
        var faster = teacherMsPerRow >= MinGain * studentMsPerRow;
        return new StudentChoice(smaller || faster, teacherBytes, teacherMsPerRow, studentBytes, studentMsPerRow);
    }

    /// <summary>
    /// Measures a student of the shape <paramref name="builder"/> would build from <paramref name="teacher"/> on
    /// <paramref name="train"/> (fitted on a stratified sample of it for one epoch, no pruning epochs), timed on
    /// <paramref name="rows"/> with <paramref name="latency"/>, and decides against the teacher's measured size and latency.
    /// </summary>
    public static StudentChoice Measure(
        StudentBuilder builder, ITransformer teacher, DataFrame train, DataFrame rows, LatencyOptions latency, long teacherBytes, double teacherMsPerRow)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(latency);
        var sample = train.RowCount <= SketchRows ? train : train.Take(Split.AtMost(train, SketchRows, builder.Seed));
        var sketch = (builder with { Epochs = 1, Augmentation = null, PruningSteps = 1, EpochsPerPruningStep = 0, PruningFineTuneEpochs = 0, TimeLimit = null })
            .Build(teacher, sample);
        var model = OnnxQuantizer.Quantize(OnnxExporter.Export(sketch.Pipeline, sample), QuantizationMode.DynamicInt8).Model;
        var bytes = OnnxModel.ToBytes(model);
        using var ort = new OrtModel(bytes, "the sized student", latency.IntraOpThreads);
        var (batch, _) = ort.Latency(rows, latency);
        return Decide(teacherBytes, teacherMsPerRow, bytes.Length, batch);
    }

    private static string Ratio(double ratio) => Reporting.Format.Ratio(ratio);

    private static string Kib(long bytes) => Invariant($"{bytes / 1024.0:#,0.0} KiB");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
