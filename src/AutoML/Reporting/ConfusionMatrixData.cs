using Pipelines.Evaluation;

namespace Pipelines.AutoML.Reporting;

/// <summary>Counts of (actual, predicted) class pairs on the test rows: row = actual class, column = predicted class.</summary>
/// <param name="Classes">Class names; they label both axes.</param>
/// <param name="Counts">A square array, one row and one column per class.</param>
public sealed record ConfusionMatrixData(IReadOnlyList<string> Classes, int[,] Counts)
{
    /// <summary>The counts and class names of <paramref name="matrix"/>.</summary>
    public static ConfusionMatrixData From(ConfusionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return new ConfusionMatrixData([.. matrix.ClassNames], matrix.ToArray());
    }
}
