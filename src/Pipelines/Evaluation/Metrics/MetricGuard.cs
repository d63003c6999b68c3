using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pipelines.Evaluation;

/// <summary>Validation shared by every metric, so each one checks its inputs the same way and says the same thing.</summary>
internal static class MetricGuard
{
    public static void SameLength(string metric, int actual, int other, string otherName)
    {
        if (actual != other)
            throw new MetricInputException($"{metric}: actual has {actual} rows but {otherName} has {other}; pass one {otherName} value per actual value.");
    }

    public static void NotEmpty(string metric, int rows)
    {
        if (rows == 0) throw new MetricInputException($"{metric}: no rows to evaluate; pass at least one row.");
    }

    public static void ClassCount(string metric, int classCount)
    {
        if (classCount < 1) throw new MetricInputException($"{metric}: class count {classCount} is invalid; it must be at least 1.");
    }

    /// <summary>Every code must be a class index in [0, classCount); -1 (missing) is refused because a metric cannot score it.</summary>
    public static void Codes(string metric, ReadOnlySpan<int> codes, int classCount, string what)
    {
        for (var i = 0; i < codes.Length; i++)
        {
            if ((uint)codes[i] >= (uint)classCount)
            {
                var hint = codes[i] == -1 ? "it is missing; drop rows with a missing label before evaluating" : $"class codes must lie in [0, {classCount})";
                throw new MetricInputException($"{metric}: {what} code {codes[i]} at row {i} is not a class ({hint}).");
            }
        }
    }

    /// <summary>Probabilities are row-major, classCount per row, finite and non-negative.</summary>
    public static int ProbabilityRows(string metric, ReadOnlySpan<float> probabilities, int classCount)
    {
        ClassCount(metric, classCount);
        if (probabilities.Length % classCount != 0)
            throw new MetricInputException($"{metric}: {probabilities.Length} probabilities is not a whole number of rows of {classCount} classes; pass them row-major, one value per class per row.");
        for (var i = 0; i < probabilities.Length; i++)
        {
            var p = probabilities[i];
            if (!float.IsFinite(p) || p < 0)
                throw new MetricInputException($"{metric}: probability row {i / classCount} has value {p} for class {i % classCount}; probabilities must be finite and non-negative. Check the model's output for NaN.");
        }
        return probabilities.Length / classCount;
    }

    public static void Finite(string metric, ReadOnlySpan<float> values, string what)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
                throw new MetricInputException($"{metric}: {what} value at row {i} is {values[i]}; it must be finite. Impute or drop missing values before evaluating.");
        }
    }

    /// <summary>Weights, when given, are one per row, finite, non-negative, and not all zero.</summary>
    public static void Weights(string metric, ReadOnlySpan<float> weights, int rows)
    {
        if (weights.IsEmpty) return;
        SameLength(metric, rows, weights.Length, "weights");
        double total = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (!float.IsFinite(weights[i]) || weights[i] < 0)
                throw new MetricInputException($"{metric}: weight at row {i} is {weights[i]}; weights must be finite and non-negative.");
            total += weights[i];
        }
        if (total <= 0) throw new MetricInputException($"{metric}: all weights are zero; at least one row needs a positive weight.");
    }

    /// <summary>A rectangular array viewed as its row-major storage, without copying.</summary>
    public static ReadOnlySpan<float> RowMajor(float[,] matrix, out int columns)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        columns = matrix.GetLength(1);
        return MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, float>(ref MemoryMarshal.GetArrayDataReference(matrix)), matrix.Length);
    }
}
