using System.Diagnostics.CodeAnalysis;

namespace Pipelines.Errors;

/// <summary>Throw helpers in one place, so messages stay consistent and call sites stay short.</summary>
public static class ThrowHelper
{
    [DoesNotReturn]
    public static void MissingColumn(string step, string column, IEnumerable<string> available) =>
        throw MissingColumnError(step, column, available);

    /// <summary>The error for a column that is not there, for call sites that need an expression.</summary>
    public static SchemaException MissingColumnError(string step, string column, IEnumerable<string> available) =>
        new($"{step}: the data has no column '{column}'. Columns present: {Preview(available)}. " +
            "Pass the same columns at Transform time as at Fit time.");

    [DoesNotReturn]
    public static void WrongKind(string step, string column, Data.ColumnKind actual, params Data.ColumnKind[] expected) =>
        throw new SchemaException(
            $"{step}: column '{column}' is {actual}, but this step expects {string.Join(" or ", expected)}. " +
            "Choose columns of the right kind, or convert them first.");

    [DoesNotReturn]
    public static void MissingValues(string step, string column, int row) =>
        throw new DataValueException(
            $"{step}: column '{column}' has a missing value (row {row}), and this step does not accept them. " +
            "Put an ImputeMissing step before it.");

    [DoesNotReturn]
    public static void NeedsLabel(string step) =>
        throw new SchemaException(
            $"{step}: needs a label column, but the data has none. Set one with DataFrame.WithLabel(name).");

    [DoesNotReturn]
    public static void TooFewClasses(string step, string label, int classes, int rows) =>
        throw new DataValueException(
            $"{step}: the label '{label}' has {classes} class(es) among {rows} labelled row(s); this step needs at least two. " +
            "Check the label column (or use a stratified split), or drop this step.");

    [DoesNotReturn]
    public static void TooFewRows(string step, int rows, int needed) =>
        throw new DataValueException(
            $"{step}: needs at least {needed} row(s) to fit, but got {rows}. Give it more data, or drop this step.");

    [DoesNotReturn]
    public static void BadOption(string step, string option, object? value, string expected) =>
        throw new ArgumentException($"{step}: option {option} = {value ?? "null"} is invalid; expected {expected}.", option);

    private static string Preview(IEnumerable<string> names)
    {
        var list = names.Take(11).ToList();
        var text = string.Join(", ", list.Take(10).Select(n => $"'{n}'"));
        return list.Count > 10 ? text + ", ..." : text.Length == 0 ? "(none)" : text;
    }
}
