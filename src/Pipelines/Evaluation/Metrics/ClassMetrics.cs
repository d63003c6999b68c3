namespace Pipelines.Evaluation;

/// <summary>
/// Precision, recall and F1 of one class against the rest. Precision = TP / (TP + FP), recall = TP / (TP + FN),
/// F1 = 2PR / (P + R); each is 0 when its denominator is 0 (scikit-learn's zero_division=0).
/// <see cref="Support"/> is the number of rows whose actual class is this one.
/// </summary>
public sealed record ClassMetrics(int ClassCode, string ClassName, double Precision, double Recall, double F1, int Support);
