namespace Pipelines.AutoML.Job;

/// <summary>A model's scores on rows it was not fitted on, and which rows those are.</summary>
/// <param name="Model">The model scored: "final model", "best single trial", "model.onnx" or "student.int8.onnx".</param>
/// <param name="Rows">Where the rows come from.</param>
/// <param name="RowCount">Rows scored.</param>
/// <param name="FittedRows">Rows the scored model was fitted on (for out of fold: the rows of the search).</param>
/// <param name="Description">The rows in words, e.g. "held out: 1,250 rows, scored by the final model fitted on the other 3,750".</param>
/// <param name="Scores">Metric name (<see cref="Evaluation.Metric"/>) to value; out of fold, the search's metric only.</param>
public sealed record ModelFigure(string Model, FigureRows Rows, int RowCount, int FittedRows, string Description, IReadOnlyDictionary<string, double> Scores);
