namespace Pipelines.Evaluation;

/// <summary>A point of a ROC curve: rows with score ≥ <see cref="Threshold"/> are predicted positive.</summary>
public readonly record struct RocPoint(double FalsePositiveRate, double TruePositiveRate, double Threshold);

/// <summary>A point of a precision-recall curve: rows with score ≥ <see cref="Threshold"/> are predicted positive.</summary>
public readonly record struct PrPoint(double Recall, double Precision, double Threshold);
