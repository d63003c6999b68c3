using Pipelines.Errors;

namespace Pipelines.Calibration;

/// <summary>Checks of the (actual codes, row-major probabilities) pair every fit in this folder takes.</summary>
internal static class CalibrationInput
{
    /// <summary>The row count; throws naming <paramref name="step"/>: <see cref="ArgumentException"/> for wrong shapes, <see cref="DataValueException"/> for codes or probabilities out of range.</summary>
    public static int Check(string step, ReadOnlySpan<int> actual, ReadOnlySpan<float> probabilities, int classCount)
    {
        if (classCount < 2) throw new ArgumentException($"{step}: needs at least two classes, got {classCount}.");
        if (probabilities.Length != actual.Length * classCount)
            throw new ArgumentException($"{step}: {actual.Length} actual codes need {actual.Length * classCount} probabilities ({classCount} per row, row-major), got {probabilities.Length}.");
        if (actual.Length == 0) throw new ArgumentException($"{step}: no rows to fit on.");
        for (var r = 0; r < actual.Length; r++)
        {
            if ((uint)actual[r] >= (uint)classCount)
                throw new DataValueException($"{step}: actual code {actual[r]} at row {r} is not a class in [0, {classCount}); drop rows with a missing label first.");
        }
        for (var i = 0; i < probabilities.Length; i++)
        {
            var p = probabilities[i];
            if (!(p >= 0 && p <= 1))
                throw new DataValueException($"{step}: probability {p} at row {i / classCount}, class {i % classCount} is not in [0, 1]; pass the model's class probabilities.");
        }
        return actual.Length;
    }
}
