using Pipelines.AutoML.Experiments;
using Pipelines.Data;

namespace Pipelines.AutoML.Job;

/// <summary>
/// Predictions of rows the model did not see, for the report's confusion matrix and curves: row-major probabilities
/// (scores for regression) and predicted class codes, for rows <see cref="Rows"/> of <see cref="Target"/>.
/// </summary>
internal sealed record ScoredRows(string Description, ExperimentTarget Target, IReadOnlyList<int> Rows, float[] Predictions, int[]? Labels)
{
    /// <summary>A model's output frame for <paramref name="rows"/> of <paramref name="target"/>.</summary>
    public static ScoredRows Of(string description, ExperimentTarget target, IReadOnlyList<int> rows, DataFrame output)
    {
        var predictions = new float[output.RowCount * target.Width];
        target.ReadPredictions(output, predictions, 0);
        var labels = target.IsClassification && output.Contains(Prediction.PredictionColumns.PredictedLabel) ? target.ReadLabels(output) : null;
        return new ScoredRows(description, target, rows, predictions, labels);
    }

    /// <summary>
    /// The search's out-of-fold predictions of the final model over <paramref name="searchFrame"/>'s validated rows,
    /// through its decision step for a classifier: calibrated by its calibration fitted without each row's fold
    /// (<see cref="Calibration.CalibrationChoice.CrossValidated"/>), and labelled by its rule cross-fitted
    /// (<see cref="Calibration.DecisionFit.CrossFitLabels"/>), as <see cref="ExperimentResult.Score"/> scores them.
    /// </summary>
    public static ScoredRows OutOfFold(string description, ExperimentResult experiment, DataFrame searchFrame)
    {
        var target = ExperimentTarget.Of(LabelTask.ReadAs(searchFrame, experiment.Task), experiment.Task);
        if (experiment.Decision is not { } decision) return new ScoredRows(description, target, experiment.ValidationRows, experiment.OutOfFold, null);
        var calibrated = decision.Calibration.OutOfFold(experiment.OutOfFold, target.Width);
        return new ScoredRows(description, target, experiment.ValidationRows, calibrated, decision.CrossFitLabels);
    }
}
