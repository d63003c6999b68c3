using System.Globalization;
using Pipelines.Data;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Job;

/// <summary>
/// Whether the job holds part of the data out for a test figure. The model it ships is fitted on every row either way;
/// a holdout adds a figure from the same final model (same pipelines, weights, seeds and decision step) fitted without
/// those rows. Rows are held out when the test part would have at least <see cref="DefaultMinRows"/> rows (by default):
/// an accuracy-like figure on m rows has a standard error of up to 0.5/√m, about 2.2 points at 500 rows, and with fewer
/// rows the figure is noisier than the differences a user would read into it, while the rows taken from the search cost
/// small data the most. Below that, the search's out-of-fold estimate (each row scored by models that did not see it)
/// is the figure. Nothing is held out when the user gives a test file: that measures the shipped model itself.
/// </summary>
/// <param name="Split">The stratified, seeded train/test split, or null when nothing is held out.</param>
/// <param name="Reason">Why, in words for the outputs.</param>
public sealed record HoldoutRule(Fold? Split, string Reason)
{
    /// <summary>Held-out rows below which the job keeps every row for the search.</summary>
    public const int DefaultMinRows = 500;

    /// <summary>Whether rows are held out.</summary>
    public bool HoldsOut => Split is not null;

    /// <summary>
    /// The rule for <paramref name="frame"/>: hold out <paramref name="fraction"/> of its rows (stratified, seeded by
    /// <paramref name="seed"/>) when that is at least <paramref name="minRows"/> rows and no test file is given.
    /// </summary>
    public static HoldoutRule Choose(DataFrame frame, double fraction, int minRows, int seed, bool testFile)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (testFile) return new HoldoutRule(null, "nothing held out: the test file measures the model fitted on every row");
        var split = Evaluation.Split.TrainTest(frame, fraction, seed);
        var share = fraction.ToString("0.##%", CultureInfo.InvariantCulture);
        if (split.Test.Length >= minRows && split.Train.Length > 0)
            return new HoldoutRule(split, Invariant($"{share} held out ({split.Test.Length:N0} rows, at least {minRows:N0}) for a test figure; the shipped model is refit on every row"));
        return new HoldoutRule(null, Invariant(
            $"nothing held out: {share} of {frame.RowCount:N0} rows would be {split.Test.Length:N0} rows, under {minRows:N0}, too few for a test figure; the out-of-fold estimate is the figure"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
