using System.Globalization;
using Pipelines.Errors;

namespace Pipelines.Data;

/// <summary>What a label asks for.</summary>
public enum PredictionTask
{
    BinaryClassification,
    MulticlassClassification,
    Regression,
}

/// <summary>Decides the task from a frame's label, and turns integer class codes into a categorical label.</summary>
public static class LabelTask
{
    /// <summary>Numeric labels with at most this many distinct whole values are read as classes (0/1, 1..5 ratings).</summary>
    public const int MaxIntegerClasses = 20;

    /// <summary>
    /// Classification for a categorical label (binary when it has two categories), classification for a numeric label
    /// holding few distinct whole numbers, regression otherwise. Throws when there is no label. A categorical label's
    /// classes are its categories, in the rows or not: a model gives each a probability, so one fitted on a part of
    /// the rows that lacks a rare class (a fold) predicts the same classes as one fitted on all of them. Where the
    /// classes should be the rows' own, narrow the label first (<see cref="WithPresentClasses"/>).
    /// </summary>
    public static PredictionTask Detect(DataFrame data)
    {
        switch (data.Label)
        {
            case null:
                ThrowHelper.NeedsLabel(nameof(LabelTask));
                return default;
            case CategoricalColumn c:
                return c.Categories.Count <= 2 ? PredictionTask.BinaryClassification : PredictionTask.MulticlassClassification;
            case NumericColumn n when LooksLikeClasses(n, out var classes):
                return classes <= 2 ? PredictionTask.BinaryClassification : PredictionTask.MulticlassClassification;
            case NumericColumn:
                return PredictionTask.Regression;
            default:
                throw new SchemaException($"Label '{data.LabelName}' is text; a label must be numeric or categorical. Read it as categorical (CsvOptions.ColumnKinds).");
        }
    }

    /// <summary>
    /// The frame with a numeric label of whole-number classes turned into a categorical label whose categories
    /// are the numbers as text, in ascending order. Other frames are returned as they are.
    /// </summary>
    public static DataFrame WithClassLabel(DataFrame data)
    {
        if (data.Label is not NumericColumn label || !LooksLikeClasses(label, out _)) return data;
        var classes = Statistics.Moments.SortedPresent(label.Values).Distinct().ToArray();
        var names = classes.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray();
        var codes = new int[label.Length];
        for (var i = 0; i < codes.Length; i++)
            codes[i] = float.IsNaN(label[i]) ? CategoricalColumn.Missing : Array.BinarySearch(classes, label[i]);
        return data.With(new CategoricalColumn(label.Name, codes, names));
    }

    /// <summary>
    /// The frame with its label as the classes its rows hold: a numeric label of classes made categorical
    /// (<see cref="WithClassLabel"/>), a categorical label's categories narrowed to those in its rows, in their order (a
    /// frame taken from a larger one keeps the larger one's categories); a regression label as it is. AutoML decides its
    /// classes with this, before any fold is taken.
    /// </summary>
    public static DataFrame WithPresentClasses(DataFrame data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data = WithClassLabel(data);
        if (data.Label is not CategoricalColumn label) return data;
        var counts = label.CountPerCategory();
        if (counts.All(n => n > 0)) return data;
        return data.With(label.Recode([.. label.Categories.Where((_, c) => counts[c] > 0)]));
    }

    private static bool LooksLikeClasses(NumericColumn label, out int classes)
    {
        var distinct = new HashSet<float>();
        foreach (var v in label.Values)
        {
            if (float.IsNaN(v)) continue;
            if (v != MathF.Round(v) || (distinct.Add(v) && distinct.Count > MaxIntegerClasses))
            {
                classes = 0;
                return false;
            }
        }
        classes = distinct.Count;
        return classes >= 1;
    }
}
