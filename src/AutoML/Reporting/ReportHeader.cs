namespace Pipelines.AutoML.Reporting;

/// <summary>What the report is about and when it was made.</summary>
/// <param name="Title">The report's heading (e.g. "AutoML report: churn").</param>
/// <param name="DataSet">The data set's name or file name; null to leave out.</param>
/// <param name="Label">The label column; null to leave out.</param>
/// <param name="Task">The task in words ("binary classification", "regression"); null to leave out.</param>
/// <param name="CreatedAt">When the run ended; null to leave out.</param>
/// <param name="Elapsed">How long the run took; null to leave out.</param>
/// <param name="Budget">The time budget the run was given; null when it had none.</param>
public sealed record ReportHeader(
    string Title,
    string? DataSet = null,
    string? Label = null,
    string? Task = null,
    DateTimeOffset? CreatedAt = null,
    TimeSpan? Elapsed = null,
    TimeSpan? Budget = null);
