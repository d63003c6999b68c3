using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.Core;

/// <summary>Resolves which columns a step acts on, with one set of errors for every step.</summary>
public static class ColumnSelection
{
    /// <summary>
    /// The named columns, checked to exist, be features and be of one of <paramref name="kinds"/>;
    /// or, when <paramref name="names"/> is null, every feature column of those kinds, in schema order.
    /// </summary>
    public static string[] Resolve(string step, DataSchema schema, IReadOnlyList<string>? names, params ColumnKind[] kinds)
    {
        if (names is null)
            return [.. schema.Features.Where(c => kinds.Contains(c.Kind)).Select(c => c.Name)];
        foreach (var name in names)
        {
            if (!schema.TryGet(name, out var column)) ThrowHelper.MissingColumn(step, name, schema.Columns.Select(c => c.Name));
            if (column.Role != ColumnRole.Feature)
                throw new SchemaException($"{step}: column '{name}' is the {column.Role.ToString().ToLowerInvariant()}, not a feature; leave it out of the step's columns.");
            if (!kinds.Contains(column.Kind)) ThrowHelper.WrongKind(step, name, column.Kind, kinds);
        }
        return [.. names];
    }

    /// <summary>Checks that a fitted step's columns are present, whatever their kind.</summary>
    public static void Require(string step, DataSchema schema, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (!schema.Contains(name)) ThrowHelper.MissingColumn(step, name, schema.Columns.Select(c => c.Name));
        }
    }

    /// <summary>Checks that a fitted step's columns are present with the kind it learned them as.</summary>
    public static void Require(string step, DataSchema schema, IEnumerable<string> names, ColumnKind kind)
    {
        foreach (var name in names)
        {
            if (!schema.TryGet(name, out var column)) ThrowHelper.MissingColumn(step, name, schema.Columns.Select(c => c.Name));
            if (column.Kind != kind) ThrowHelper.WrongKind(step, name, column.Kind, kind);
        }
    }
}
