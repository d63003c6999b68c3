using System.Globalization;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Experiments;

/// <summary>
/// Whether a refit failed to fit its rows: its predictions of rows it was fitted on, set against a reference's
/// predictions of the same rows by models that saw fewer of them (the trial's out-of-fold predictions, or the model
/// fitted without the held-out rows). A sound fit predicts its own rows at least about as well, so a refit clearly worse
/// there did not converge: a boosting run that diverged (LightGBM's softmax with tiny hessians and little L2 can, on
/// more rows than its folds had) gives out-of-fold figures that do not describe it. Classification compares balanced
/// accuracy at the most probable class (a class of a few rows counts as much as the rest, as one a failed fit loses
/// first), failing below the reference by more than 5 points or two standard errors, whichever is wider; regression
/// compares RMSE, failing above the reference by more than a quarter plus a twentieth of the target's standard
/// deviation (so a near-perfect reference does not fail a refit as near-perfect).
/// The margins are wide on purpose: a check that fires on a sound model would replace it with a worse one.
/// </summary>
internal static class FitCheck
{
    /// <summary>
    /// Rows checked at most: a sample bounds the predictions' time on large data and still finds a failed fit. For a
    /// class label each class gets an equal share of it (all its rows when it has fewer), since a failed fit may
    /// confuse a class of a dozen rows among forty thousand alone.
    /// </summary>
    public const int MaxRows = 5000;

    private const double AccuracyMargin = 0.05;
    private const double RmseRatio = 1.25;
    private const double RmseSpread = 0.05;

    /// <summary>
    /// Compares <paramref name="fitted"/> with <paramref name="reference"/>, both row-major predictions of
    /// <paramref name="rows"/> of <paramref name="target"/> (row i of each array is row rows[i]).
    /// </summary>
    public static FitCheckOutcome Compare(ExperimentTarget target, ReadOnlySpan<float> fitted, ReadOnlySpan<float> reference, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(rows);
        if (!target.IsClassification)
        {
            double fittedRmse = Measure(target, fitted, rows), referenceRmse = Measure(target, reference, rows);
            var values = target.TargetsOf(rows);
            var mean = values.Average(v => (double)v);
            var deviation = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
            return new FitCheckOutcome("RMSE", fittedRmse, referenceRmse, fittedRmse > referenceRmse * RmseRatio + RmseSpread * deviation);
        }
        double fittedAccuracy = Measure(target, fitted, rows), referenceAccuracy = Measure(target, reference, rows);
        var p = Math.Clamp(referenceAccuracy, 0, 1);
        var n = target.ClassBalancedRows(rows);
        var margin = Math.Max(AccuracyMargin, 2 * Math.Sqrt(Math.Max(p * (1 - p), 1.0 / n) / n));
        return new FitCheckOutcome("balanced accuracy", fittedAccuracy, referenceAccuracy, fittedAccuracy < referenceAccuracy - margin);
    }

    /// <summary>The check's measure of <paramref name="predictions"/> of <paramref name="rows"/>: balanced accuracy, or RMSE for regression.</summary>
    public static double Measure(ExperimentTarget target, ReadOnlySpan<float> predictions, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Score(target.IsClassification ? Metric.BalancedAccuracy : Metric.Rmse, predictions, rows);
    }

    /// <summary>Whether measure <paramref name="a"/> is better than <paramref name="b"/> (higher balanced accuracy, lower RMSE).</summary>
    public static bool Beats(ExperimentTarget target, double a, double b) => target.IsClassification ? a > b : a < b;

    /// <summary>
    /// Checks <paramref name="model"/>, fitted on <paramref name="frame"/>, on <paramref name="rows"/> of it (at most
    /// <see cref="MaxRows"/> of them, <see cref="Sample"/>), against <paramref name="reference"/>'s predictions of the same rows
    /// in the same order.
    /// </summary>
    public static FitCheckOutcome Check(ITransformer model, DataFrame frame, ExperimentTarget target, IReadOnlyList<int> rows, ReadOnlySpan<float> reference)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(frame);
        var picked = Sample(target, rows);
        var sample = picked.Select(i => rows[i]).ToArray();
        var width = target.Width;
        var fitted = Predictions(model, frame.Take(sample), target);
        var referenceSample = new float[fitted.Length];
        for (var i = 0; i < picked.Length; i++) reference.Slice(picked[i] * width, width).CopyTo(referenceSample.AsSpan(i * width, width));
        return Compare(target, fitted, referenceSample, sample);
    }

    /// <summary>
    /// Checks <paramref name="fitted"/>, fitted on every row of <paramref name="frame"/>, against
    /// <paramref name="reference"/>, fitted on part of them, on the same rows (at most <see cref="MaxRows"/>, <see cref="Sample"/>).
    /// </summary>
    public static FitCheckOutcome Against(ITransformer fitted, ITransformer reference, DataFrame frame, ExperimentTarget target)
    {
        ArgumentNullException.ThrowIfNull(fitted);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(target);
        var rows = Sample(target, [.. Enumerable.Range(0, frame.RowCount)]);
        var sample = frame.Take(rows);
        return Compare(target, Predictions(fitted, sample, target), Predictions(reference, sample, target), rows);
    }

    /// <summary>Row-major predictions of <paramref name="model"/> for every row of <paramref name="rows"/>.</summary>
    private static float[] Predictions(ITransformer model, DataFrame rows, ExperimentTarget target)
    {
        var predictions = new float[rows.RowCount * target.Width];
        target.ReadPredictions(model.Transform(rows), predictions, 0);
        return predictions;
    }

    /// <summary>
    /// Positions in <paramref name="rows"/> to check, ascending: all of them up to <see cref="MaxRows"/>; beyond, evenly
    /// spread, and for a class label at most an equal share of <see cref="MaxRows"/> per class (the rest of a small
    /// class's share going to the others).
    /// </summary>
    public static int[] Sample(ExperimentTarget target, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count <= MaxRows) return [.. Enumerable.Range(0, rows.Count)];
        if (!target.IsClassification) return Spread([.. Enumerable.Range(0, rows.Count)], MaxRows);
        var byClass = Enumerable.Range(0, rows.Count).GroupBy(i => target.Codes[rows[i]]).Select(g => g.ToArray()).OrderBy(g => g.Length).ToArray();
        var picked = new List<int>(MaxRows);
        for (var k = 0; k < byClass.Length; k++) picked.AddRange(Spread(byClass[k], (MaxRows - picked.Count) / (byClass.Length - k)));
        picked.Sort();
        return [.. picked];
    }

    /// <summary><paramref name="count"/> of <paramref name="positions"/> evenly spread, or all of them when there are no more.</summary>
    private static int[] Spread(int[] positions, int count) =>
        positions.Length <= count ? positions : [.. Enumerable.Range(0, count).Select(i => positions[(int)((long)i * positions.Length / count)])];
}

/// <summary>One <see cref="FitCheck"/>: the measure, the refit's value on its own rows, the reference's on the same rows, and whether the refit failed.</summary>
internal sealed record FitCheckOutcome(string Measure, double Fitted, double Reference, bool Failed)
{
    /// <summary>The two figures in words, e.g. "balanced accuracy 0.512 on rows it was fitted on, against 0.961 out of fold".</summary>
    public string Describe(string reference) =>
        string.Create(CultureInfo.InvariantCulture, $"{Measure} {Fitted:0.000} on rows it was fitted on, against {Reference:0.000} {reference}");
}
