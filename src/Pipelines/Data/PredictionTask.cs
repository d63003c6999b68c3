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

/// <summary>What a run is asked to read its label as (the command line's <c>--task</c>).</summary>
public enum TaskChoice
{
    /// <summary>Decided from the label (<see cref="LabelTask.Detect"/>).</summary>
    Auto,

    /// <summary>Classes: a numeric label of whole numbers is classes however many values it holds.</summary>
    Classification,

    /// <summary>Values: a numeric label is regressed even when it holds a few whole numbers (ratings, counts).</summary>
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
    /// classes should be the rows' own, narrow the label first (<see cref="Read"/>).
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
    public static DataFrame WithClassLabel(DataFrame data) =>
        data.Label is NumericColumn label && LooksLikeClasses(label, out _) ? WithClasses(data, label) : data;

    /// <summary>
    /// The frame with its label as a run reads it, and the task, for <paramref name="choice"/>: regression keeps a
    /// numeric label's values (a categorical one is refused); classification makes a numeric label of whole numbers
    /// classes however many it holds (fractions are refused); auto decides as <see cref="Detect"/>. A categorical label's
    /// categories are narrowed to those its rows hold, in their order (a frame taken from a larger one keeps the larger
    /// one's categories), so a run decides its classes from its rows before any fold is taken.
    /// </summary>
    public static (DataFrame Frame, PredictionTask Task) Read(DataFrame data, TaskChoice choice)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Label is null) ThrowHelper.NeedsLabel(nameof(LabelTask));
        switch (choice)
        {
            case TaskChoice.Regression when data.Label is NumericColumn:
                return (data, PredictionTask.Regression);
            case TaskChoice.Regression:
                throw new SchemaException($"Label '{data.LabelName}' is {data.Label!.Kind.ToString().ToLowerInvariant()}; regression needs numbers. Ask for classification, or let the label decide.");
            case TaskChoice.Classification when data.Label is NumericColumn numeric:
                foreach (var v in numeric.Values)
                {
                    if (!float.IsNaN(v) && v != MathF.Round(v))
                        throw new SchemaException($"Label '{data.LabelName}' holds numbers with fractions (such as {v.ToString(CultureInfo.InvariantCulture)}); classes need whole numbers or names. Ask for regression, or let the label decide.");
                }
                data = WithClasses(data, numeric);
                break;
            default:
                data = WithClassLabel(data);
                break;
        }
        if (data.Label is CategoricalColumn label && label.CountPerCategory() is var counts && counts.Any(n => n == 0))
            data = data.With(label.Recode([.. label.Categories.Where((_, c) => counts[c] > 0)]));
        return (data, Detect(data));
    }

    /// <summary>The frame with its label read for a run of <paramref name="task"/>, as <see cref="Read"/> reads it (a run's refits and scores).</summary>
    public static DataFrame ReadAs(DataFrame data, PredictionTask task) =>
        Read(data, task == PredictionTask.Regression ? TaskChoice.Regression : TaskChoice.Classification).Frame;

    private static DataFrame WithClasses(DataFrame data, NumericColumn label)
    {
        var classes = Statistics.Moments.SortedPresent(label.Values).Distinct().ToArray();
        var names = classes.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray();
        var codes = new int[label.Length];
        for (var i = 0; i < codes.Length; i++)
            codes[i] = float.IsNaN(label[i]) ? CategoricalColumn.Missing : Array.BinarySearch(classes, label[i]);
        return data.With(new CategoricalColumn(label.Name, codes, names));
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
