using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Evaluation;

namespace Pipelines.Calibration;

/// <summary>What <see cref="CalibrationSelector.Select"/> chose, with the cross-validated log loss of every method it scored.</summary>
/// <param name="Calibration">The chosen method refitted on every row.</param>
/// <param name="LogLoss">Cross-validated log loss by method (None: the probabilities as given).</param>
/// <param name="CrossValidated">
/// The rows' probabilities as the chosen method calibrates them when fitted without each row's fold (None: as given), the
/// probabilities behind its <paramref name="LogLoss"/>; null where no selection computed them. Unlike
/// <paramref name="Calibration"/> applied to the same rows, they score the calibration as new rows would meet it.
/// </param>
public sealed record CalibrationChoice(ProbabilityCalibration Calibration, IReadOnlyDictionary<CalibrationMethod, double> LogLoss, float[]? CrossValidated = null)
{
    public CalibrationMethod Method => Calibration.Method;

    /// <summary>
    /// The fitted rows' <paramref name="probabilities"/> calibrated as new rows would be: <see cref="CrossValidated"/>, or,
    /// where no selection computed them (a calibration given, not chosen), <see cref="Calibration"/> applied.
    /// </summary>
    public float[] OutOfFold(ReadOnlySpan<float> probabilities, int classCount) => CrossValidated ?? Calibration.Apply(probabilities, classCount);
}

/// <summary>
/// Chooses a calibration for out-of-fold predictions: each candidate is fitted on k − 1 folds of the rows and applied to
/// the k-th, and the log loss of those held-out calibrated probabilities decides (see <see cref="CalibrationOptions"/>).
/// Only a method with a lower log loss than none can win. The winner is refitted on all rows.
/// </summary>
public static class CalibrationSelector
{
    /// <summary>From simplest to most flexible: the order the one-standard-error rule prefers.</summary>
    private static readonly CalibrationMethod[] Simplicity = [CalibrationMethod.None, CalibrationMethod.Platt, CalibrationMethod.Isotonic];

    public static CalibrationChoice Select(ReadOnlySpan<int> actual, ReadOnlySpan<float> probabilities, int classCount, CalibrationOptions? options = null)
    {
        options ??= new CalibrationOptions();
        if (options.Folds < 2) ThrowHelper.BadOption(nameof(CalibrationSelector), nameof(options.Folds), options.Folds, "at least 2 folds");
        var rows = CalibrationInput.Check(nameof(CalibrationSelector), actual, probabilities, classCount);
        var perRow = new Dictionary<CalibrationMethod, double[]> { [CalibrationMethod.None] = RowLosses(actual, probabilities, classCount) };
        var calibrated = new Dictionary<CalibrationMethod, float[]> { [CalibrationMethod.None] = probabilities.ToArray() };
        var candidates = options.Candidates.Where(m => m != CalibrationMethod.None).Distinct().ToList();
        if (candidates.Count > 0 && rows >= options.Folds)
        {
            var folds = Split.StratifiedKFold(CodesFrame(actual, classCount), options.Folds, options.Seed);
            foreach (var method in candidates)
            {
                calibrated[method] = CrossValidated(method, actual, probabilities, classCount, folds);
                perRow[method] = RowLosses(actual, calibrated[method], classCount);
            }
        }
        var losses = perRow.ToDictionary(p => p.Key, p => p.Value.Average());
        var none = losses[CalibrationMethod.None];
        var best = losses.Where(p => p.Value < none).OrderBy(p => p.Value).Select(p => p.Key).DefaultIfEmpty(CalibrationMethod.None).First();
        var chosen = best;
        if (options.OneStandardErrorRule)
        {
            // The simplest eligible method within one standard error of the best (the best itself always is).
            foreach (var method in Simplicity)
            {
                var eligible = perRow.ContainsKey(method) && (method == CalibrationMethod.None || losses[method] < none);
                if (eligible && losses[method] - losses[best] <= StandardErrorOfDifference(perRow[method], perRow[best]))
                {
                    chosen = method;
                    break;
                }
            }
        }
        return new CalibrationChoice(ProbabilityCalibration.Fit(chosen, actual, probabilities, classCount), losses, calibrated[chosen]);
    }

    /// <summary>−log of each row's probability of its class, clipped and renormalized as <see cref="ProbabilisticMetrics.LogLoss(ReadOnlySpan{int}, ReadOnlySpan{float}, int, ReadOnlySpan{float})"/> does.</summary>
    private static double[] RowLosses(ReadOnlySpan<int> actual, ReadOnlySpan<float> probabilities, int k)
    {
        var losses = new double[actual.Length];
        for (var r = 0; r < losses.Length; r++)
        {
            var row = probabilities.Slice(r * k, k);
            double sum = 0;
            foreach (var p in row) sum += Clip(p);
            losses[r] = -Math.Log(Clip(row[actual[r]]) / sum);
        }
        return losses;
    }

    private static double Clip(float p) => Math.Clamp(p, ProbabilisticMetrics.Epsilon, 1 - ProbabilisticMetrics.Epsilon);

    /// <summary>The standard error of the mean of the paired differences a − b.</summary>
    private static double StandardErrorOfDifference(double[] a, double[] b)
    {
        var n = a.Length;
        if (n < 2) return 0;
        double mean = 0;
        for (var i = 0; i < n; i++) mean += a[i] - b[i];
        mean /= n;
        double squares = 0;
        for (var i = 0; i < n; i++) squares += (a[i] - b[i] - mean) * (a[i] - b[i] - mean);
        return Math.Sqrt(squares / (n - 1) / n);
    }

    /// <summary>Every row's probabilities calibrated by <paramref name="method"/> fitted on the other folds.</summary>
    private static float[] CrossValidated(CalibrationMethod method, ReadOnlySpan<int> actual, ReadOnlySpan<float> probabilities, int k, IReadOnlyList<Fold> folds)
    {
        var result = new float[probabilities.Length];
        foreach (var fold in folds)
        {
            var (trainCodes, trainProbabilities) = Rows(actual, probabilities, k, fold.Train);
            var (_, testProbabilities) = Rows(actual, probabilities, k, fold.Test);
            var calibrated = ProbabilityCalibration.Fit(method, trainCodes, trainProbabilities, k).Apply(testProbabilities, k);
            for (var i = 0; i < fold.Test.Length; i++) calibrated.AsSpan(i * k, k).CopyTo(result.AsSpan(fold.Test[i] * k, k));
        }
        return result;
    }

    private static (int[] Codes, float[] Probabilities) Rows(ReadOnlySpan<int> actual, ReadOnlySpan<float> probabilities, int k, int[] rows)
    {
        var codes = new int[rows.Length];
        var values = new float[rows.Length * k];
        for (var i = 0; i < rows.Length; i++)
        {
            codes[i] = actual[rows[i]];
            probabilities.Slice(rows[i] * k, k).CopyTo(values.AsSpan(i * k, k));
        }
        return (codes, values);
    }

    /// <summary>A one-column frame labelled by the codes, so the folds are stratified as every other split here.</summary>
    private static DataFrame CodesFrame(ReadOnlySpan<int> actual, int classCount)
    {
        var names = Enumerable.Range(0, classCount).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new DataFrame([new CategoricalColumn("class", actual.ToArray(), names)], label: "class");
    }
}
