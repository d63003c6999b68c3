using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.Transforms.Encoding;

/// <summary>
/// The label turned into the numbers a target encoder averages: one target for a numeric label (its value) or a
/// binary one (1 for the positive class, else 0), one indicator per class for a multiclass label.
/// Rows whose label is missing have NaN in every target and do not count.
/// </summary>
internal sealed class EncodingTarget
{
    private EncodingTarget(IReadOnlyList<string>? classes, float[][] values)
    {
        Classes = classes;
        Values = values;
    }

    /// <summary>Class per target for a multiclass label (outputs "col=>class"); null when there is one target.</summary>
    public IReadOnlyList<string>? Classes { get; }

    /// <summary>[target][row] values; NaN where the label is missing.</summary>
    public float[][] Values { get; }

    public int Count => Values.Length;

    /// <summary>Output names for source column <paramref name="column"/>: the column itself, or one "col=>class" per class.</summary>
    public IReadOnlyList<string> OutputNames(string column) =>
        Classes is null ? [column] : [.. Classes.Select(c => $"{column}=>{c}")];

    public static EncodingTarget From(string step, DataFrame input, string? positiveClass)
    {
        switch (input.Label)
        {
            case null:
                ThrowHelper.NeedsLabel(step);
                return null!;
            case NumericColumn numeric:
                if (positiveClass is not null)
                    ThrowHelper.BadOption(step, "PositiveClass", positiveClass, $"null, since label '{numeric.Name}' is numeric");
                if (numeric.MissingCount() == numeric.Length)
                    throw new DataValueException($"{step}: label '{numeric.Name}' has no values to average. Give it rows with a label.");
                return new EncodingTarget(null, [numeric.ToArray()]);
            case CategoricalColumn label:
                return FromClasses(step, label, positiveClass);
            default:
                ThrowHelper.WrongKind(step, input.LabelName!, input.Label.Kind, ColumnKind.Categorical);
                return null!;
        }
    }

    private static EncodingTarget FromClasses(string step, CategoricalColumn label, string? positiveClass)
    {
        // Classes by name, not by code, so the same data coded differently gives the same encoder.
        var classes = CategoryIndex.Present(label).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        if (classes.Count < 2)
            throw new DataValueException(
                $"{step}: label '{label.Name}' has {classes.Count} class(es) in the training rows; target encoding needs at least 2. Check the label column.");
        if (positiveClass is not null && !classes.Contains(positiveClass, StringComparer.Ordinal))
            ThrowHelper.BadOption(step, "PositiveClass", positiveClass, $"one of the label's classes: {string.Join(", ", classes.Select(c => $"'{c}'"))}");
        // Binary, or one class asked for: a single "probability of the positive class" target.
        List<string> targets = positiveClass is not null ? [positiveClass]
            : classes.Count == 2 ? [classes[1]]
            : classes;
        var index = CategoryIndex.Build(step, label.Name, label.Categories);
        var codeOfTarget = targets.Select(t => index[t]).ToArray();
        var values = new float[targets.Count][];
        var codes = label.Codes;
        for (var j = 0; j < values.Length; j++)
        {
            var v = values[j] = new float[codes.Length];
            for (var row = 0; row < codes.Length; row++)
                v[row] = codes[row] == CategoricalColumn.Missing ? float.NaN : codes[row] == codeOfTarget[j] ? 1f : 0f;
        }
        return new EncodingTarget(targets.Count == 1 ? null : targets, values);
    }
}
