using System.Globalization;
using System.Text;

namespace Pipelines.Evaluation;

/// <summary>
/// Counts of (actual, predicted) class pairs: row = actual class, column = predicted class, as scikit-learn's
/// confusion_matrix. Immutable; <see cref="ClassNames"/> label both axes.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly int[] _counts; // row-major classCount x classCount

    private ConfusionMatrix(IReadOnlyList<string> classNames, int[] counts)
    {
        ClassNames = classNames;
        _counts = counts;
    }

    /// <summary>Class names in code order.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    public int ClassCount => ClassNames.Count;

    /// <summary>Number of rows whose actual class is <paramref name="actual"/> and predicted class is <paramref name="predicted"/>.</summary>
    public int this[int actual, int predicted] => _counts[actual * ClassCount + predicted];

    /// <summary>Number of rows counted.</summary>
    public int Total => _counts.Sum();

    /// <summary>Rows whose actual class is <paramref name="classCode"/> (row sum).</summary>
    public int Support(int classCode)
    {
        var sum = 0;
        for (var p = 0; p < ClassCount; p++) sum += this[classCode, p];
        return sum;
    }

    /// <summary>Rows predicted as <paramref name="classCode"/> (column sum).</summary>
    public int PredictedCount(int classCode)
    {
        var sum = 0;
        for (var a = 0; a < ClassCount; a++) sum += this[a, classCode];
        return sum;
    }

    /// <summary>A copy of the counts as [actual, predicted].</summary>
    public int[,] ToArray()
    {
        var result = new int[ClassCount, ClassCount];
        for (var a = 0; a < ClassCount; a++)
            for (var p = 0; p < ClassCount; p++) result[a, p] = this[a, p];
        return result;
    }

    /// <summary>Counts the pairs. Codes must lie in [0, classCount); names default to the codes as text.</summary>
    public static ConfusionMatrix Compute(ReadOnlySpan<int> actual, ReadOnlySpan<int> predicted, int classCount, IReadOnlyList<string>? classNames = null)
    {
        const string Name = "ConfusionMatrix";
        MetricGuard.ClassCount(Name, classCount);
        MetricGuard.SameLength(Name, actual.Length, predicted.Length, "predicted");
        MetricGuard.Codes(Name, actual, classCount, "actual");
        MetricGuard.Codes(Name, predicted, classCount, "predicted");
        var names = ResolveNames(Name, classNames, classCount);
        var counts = new int[classCount * classCount];
        for (var i = 0; i < actual.Length; i++) counts[actual[i] * classCount + predicted[i]]++;
        return new ConfusionMatrix(names, counts);
    }

    internal static IReadOnlyList<string> ResolveNames(string metric, IReadOnlyList<string>? classNames, int classCount)
    {
        if (classNames is null) return [.. Enumerable.Range(0, classCount).Select(i => i.ToString(CultureInfo.InvariantCulture))];
        if (classNames.Count != classCount)
            throw new MetricInputException($"{metric}: {classNames.Count} class names were given for {classCount} classes; pass one name per class code.");
        return [.. classNames];
    }

    /// <summary>
    /// A fixed-width text table: one row per actual class, one column per predicted class, with a header
    /// line "actual \ predicted". Meant for logs and the CLI.
    /// </summary>
    public string ToText()
    {
        const string Corner = "actual \\ predicted";
        var cells = new string[ClassCount, ClassCount];
        var width = ClassNames.Max(n => n.Length);
        for (var a = 0; a < ClassCount; a++)
        {
            for (var p = 0; p < ClassCount; p++)
            {
                cells[a, p] = this[a, p].ToString(CultureInfo.InvariantCulture);
                width = Math.Max(width, cells[a, p].Length);
            }
        }
        var first = Math.Max(Corner.Length, ClassNames.Max(n => n.Length));
        var text = new StringBuilder();
        text.Append(Corner.PadRight(first));
        foreach (var name in ClassNames) text.Append("  ").Append(name.PadLeft(width));
        text.Append('\n');
        for (var a = 0; a < ClassCount; a++)
        {
            text.Append(ClassNames[a].PadRight(first));
            for (var p = 0; p < ClassCount; p++) text.Append("  ").Append(cells[a, p].PadLeft(width));
            text.Append('\n');
        }
        return text.ToString();
    }

    public override string ToString() => ToText();
}
