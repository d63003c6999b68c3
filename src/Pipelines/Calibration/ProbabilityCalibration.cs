namespace Pipelines.Calibration;

/// <summary>
/// Recalibrates rows of K class probabilities. Binary (K = 2): one calibrator on the probability of class 1, and
/// P(class 0) = 1 − P'(class 1). More classes: one calibrator per class (one-vs-rest), then each row is divided by its
/// sum. <see cref="CalibrationMethod.None"/> keeps probabilities exactly as given.
/// </summary>
public sealed class ProbabilityCalibration
{
    public ProbabilityCalibration(CalibrationMethod method, IReadOnlyList<Calibrator> calibrators)
    {
        ArgumentNullException.ThrowIfNull(calibrators);
        if (!Enum.IsDefined(method)) throw new ArgumentException($"ProbabilityCalibration: unknown method {method}.", nameof(method));
        if ((method == CalibrationMethod.None) != (calibrators.Count == 0))
            throw new ArgumentException($"ProbabilityCalibration: method {method} with {calibrators.Count} calibrators; None has none, the others one (binary) or one per class.");
        foreach (var calibrator in calibrators)
        {
            var fits = method == CalibrationMethod.Platt ? calibrator is PlattCalibrator : calibrator is IsotonicCalibrator;
            if (!fits) throw new ArgumentException($"ProbabilityCalibration: method {method} cannot hold a {calibrator?.GetType().Name ?? "null"}.", nameof(calibrators));
        }
        Method = method;
        Calibrators = [.. calibrators];
    }

    /// <summary>Keeps probabilities as they are.</summary>
    public static ProbabilityCalibration None { get; } = new(CalibrationMethod.None, []);

    public CalibrationMethod Method { get; }

    /// <summary>Empty for <see cref="CalibrationMethod.None"/>; one for class 1 when binary; else one per class.</summary>
    public IReadOnlyList<Calibrator> Calibrators { get; }

    /// <summary>Fits <paramref name="method"/> to <paramref name="actual"/> class codes and row-major <paramref name="probabilities"/> (K per row).</summary>
    public static ProbabilityCalibration Fit(CalibrationMethod method, ReadOnlySpan<int> actual, ReadOnlySpan<float> probabilities, int classCount)
    {
        var rows = CalibrationInput.Check(nameof(ProbabilityCalibration), actual, probabilities, classCount);
        if (method == CalibrationMethod.None) return None;
        var classes = classCount == 2 ? [1] : Enumerable.Range(0, classCount).ToArray();
        var calibrators = new Calibrator[classes.Length];
        var column = new float[rows];
        var positive = new bool[rows];
        for (var i = 0; i < classes.Length; i++)
        {
            var c = classes[i];
            for (var r = 0; r < rows; r++)
            {
                column[r] = probabilities[r * classCount + c];
                positive[r] = actual[r] == c;
            }
            calibrators[i] = method switch
            {
                CalibrationMethod.Platt => PlattCalibrator.Fit(column, positive),
                CalibrationMethod.Isotonic => IsotonicCalibrator.Fit(column, positive),
                _ => throw new ArgumentException($"ProbabilityCalibration: unknown method {method}.", nameof(method)),
            };
        }
        return new ProbabilityCalibration(method, calibrators);
    }

    /// <summary>Calibrated row-major probabilities (same shape as <paramref name="probabilities"/>).</summary>
    public float[] Apply(ReadOnlySpan<float> probabilities, int classCount)
    {
        if (classCount < 2 || probabilities.Length % classCount != 0)
            throw new ArgumentException($"ProbabilityCalibration: {probabilities.Length} probabilities are not rows of {classCount} classes.");
        var result = probabilities.ToArray();
        if (Method == CalibrationMethod.None) return result;
        var expected = classCount == 2 ? 1 : classCount;
        if (Calibrators.Count != expected)
            throw new ArgumentException($"ProbabilityCalibration: fitted for {(Calibrators.Count == 1 ? 2 : Calibrators.Count)} classes, given {classCount}.");
        var rows = probabilities.Length / classCount;
        if (classCount == 2)
        {
            var calibrator = Calibrators[0];
            for (var r = 0; r < rows; r++)
            {
                var p = calibrator.Apply(probabilities[2 * r + 1]);
                result[2 * r] = 1f - p;
                result[2 * r + 1] = p;
            }
            return result;
        }
        for (var r = 0; r < rows; r++)
        {
            var row = result.AsSpan(r * classCount, classCount);
            var sum = 0f;
            for (var c = 0; c < classCount; c++)
            {
                row[c] = Calibrators[c].Apply(row[c]);
                sum += row[c];
            }
            for (var c = 0; c < classCount; c++) row[c] /= sum;
        }
        return result;
    }
}
