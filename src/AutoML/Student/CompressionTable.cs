using System.Globalization;
using System.Text;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Student;

/// <summary>
/// The compression table of a report: teacher, student, pruned student and int8 student on the same test rows
/// (see <see cref="CompressionStage"/> for each column).
/// </summary>
/// <param name="Stages">Teacher first, then student, pruned student, int8 student.</param>
/// <param name="Metric">The experiment's metric in <see cref="CompressionStage.Metric"/>, or null.</param>
/// <param name="TestRows">Rows the stages were measured on.</param>
public sealed record CompressionTable(IReadOnlyList<CompressionStage> Stages, Metric? Metric, int TestRows)
{
    public CompressionStage Teacher => Stages[0];

    /// <summary>The last stage: the quantized student, the one to serve.</summary>
    public CompressionStage Final => Stages[^1];

    /// <summary>Teacher accuracy minus the final student's, in points (percent).</summary>
    public double AccuracyGapPoints => 100 * (Teacher.Accuracy - Final.Accuracy);

    /// <summary>A plain-text table, one line per stage, then the notes.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        var metric = Metric is { } m ? m.ToString() : null;
        text.Append(CultureInfo.InvariantCulture, $"{"stage",-15} {"bytes",10} {"params",8} {"nonzero",8} {"accuracy",9} {"in-proc",8} {"=teacher",8}");
        if (metric is not null) text.Append(CultureInfo.InvariantCulture, $" {metric,10}");
        text.AppendLine(CultureInfo.InvariantCulture, $" {"ms/row batch",13} {"ms/row single",14} {"max|dp|",9} {"agree",7}");
        foreach (var s in Stages)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{s.Name,-15} {Show(s.Bytes),10} {Show(s.Parameters),8} {Show(s.NonZeroParameters),8} {s.Accuracy,9:F4} {Show(s.InProcessAccuracy, "F4"),8} {s.TeacherAgreement,8:P1}");
            if (metric is not null) text.Append(CultureInfo.InvariantCulture, $" {Show(s.Metric, "F4"),10}");
            text.AppendLine(CultureInfo.InvariantCulture,
                $" {Show(s.BatchMsPerRow, "F5"),13} {Show(s.SingleRowMs, "F4"),14} {Show(s.MaxProbabilityDelta, "E1"),9} {Show(s.LabelAgreement, "P1"),7}");
        }
        foreach (var s in Stages.Where(s => s.Note is not null)) text.AppendLine(CultureInfo.InvariantCulture, $"{s.Name}: {s.Note}");
        text.Append(CultureInfo.InvariantCulture, $"{TestRows} test rows; final student is {AccuracyGapPoints:F2} points below the teacher.");
        return text.ToString();
    }

    private static string Show(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Show(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";
}
