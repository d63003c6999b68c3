using Pipelines.Data;
using Pipelines.Prediction;

namespace Pipelines.Trainers.Distillation;

/// <summary>
/// Teacher next to student on the same test rows: accuracy (<see cref="ModelMetrics.Score"/>), parameters
/// (<see cref="ModelSize.Parameters"/>), prediction time per 1,000 rows (<see cref="ModelMetrics.MillisecondsPer1000Rows"/>)
/// and fidelity, the share of rows where the student predicts the teacher's class (<see cref="ModelMetrics.Agreement"/>).
/// </summary>
public sealed record DistillationReport(
    double TeacherAccuracy, double StudentAccuracy, long TeacherParameters, long StudentParameters,
    double TeacherMsPer1000Rows, double StudentMsPer1000Rows, double Fidelity)
{
    /// <summary>Student accuracy / teacher accuracy.</summary>
    public double AccuracyRetained => StudentAccuracy / TeacherAccuracy;

    /// <summary>Student parameters / teacher parameters.</summary>
    public double ParameterRatio => StudentParameters / (double)TeacherParameters;

    /// <summary>Measures <paramref name="teacher"/> and <paramref name="student"/> on <paramref name="test"/>.</summary>
    public static DistillationReport Measure(IPredictor teacher, IPredictor student, DataFrame test)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(student);
        return new DistillationReport(
            ModelMetrics.Score(teacher, test), ModelMetrics.Score(student, test),
            ModelSize.Parameters(teacher), ModelSize.Parameters(student),
            ModelMetrics.MillisecondsPer1000Rows(teacher, test), ModelMetrics.MillisecondsPer1000Rows(student, test),
            ModelMetrics.Agreement(student, teacher, test));
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"teacher {TeacherAccuracy:F4} ({TeacherParameters} params, {TeacherMsPer1000Rows:F3} ms/1k rows), " +
        $"student {StudentAccuracy:F4} ({StudentParameters} params, {StudentMsPer1000Rows:F3} ms/1k rows): " +
        $"{AccuracyRetained:P1} of the accuracy with {ParameterRatio:P1} of the parameters, fidelity {Fidelity:P1}";
}
