using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Persistence;

namespace Pipelines.Transforms.Cleaning;

/// <summary>
/// Fitted imputation (see <see cref="ImputeMissing"/>): y = x where x is present, else the column's learned fill.
/// Numeric NaN becomes <see cref="NumericFills"/>[i]; a missing category becomes <see cref="CategoricalFills"/>[i],
/// which is added to the column's dictionary when the column does not have it. Indicator columns (1 where the
/// source was missing, else 0) are appended after all input columns, in the order of <see cref="IndicatorSources"/>.
/// No value of the output is missing in the imputed columns. An imputed numeric column that is not the chain's scratch
/// is derived (<see cref="DerivedValues"/>): its values are the source's, filled as they are read.
/// (ONNX: Imputer, IsNaN + Cast for indicators.)
/// </summary>
[PersistedType("missing-imputer")]
public sealed class MissingImputer : IScratchTransformer
{
    public MissingImputer(
        IReadOnlyList<string> numericColumns, IReadOnlyList<float> numericFills,
        IReadOnlyList<string> categoricalColumns, IReadOnlyList<string> categoricalFills,
        IReadOnlyList<string> indicatorSources, IReadOnlyList<string> indicatorNames)
    {
        ArgumentNullException.ThrowIfNull(numericColumns);
        ArgumentNullException.ThrowIfNull(numericFills);
        ArgumentNullException.ThrowIfNull(categoricalColumns);
        ArgumentNullException.ThrowIfNull(categoricalFills);
        ArgumentNullException.ThrowIfNull(indicatorSources);
        ArgumentNullException.ThrowIfNull(indicatorNames);
        if (numericColumns.Count != numericFills.Count || categoricalColumns.Count != categoricalFills.Count || indicatorSources.Count != indicatorNames.Count)
            throw new ArgumentException("MissingImputer: each list of columns needs a fill (or indicator name) per column.");
        if (numericFills.Any(f => !float.IsFinite(f)))
            throw new ArgumentException("MissingImputer: numeric fills must be finite.");
        if (categoricalFills.Any(string.IsNullOrEmpty))
            throw new ArgumentException("MissingImputer: categorical fills must be non-empty.");
        NumericColumns = [.. numericColumns];
        NumericFills = [.. numericFills];
        CategoricalColumns = [.. categoricalColumns];
        CategoricalFills = [.. categoricalFills];
        IndicatorSources = [.. indicatorSources];
        IndicatorNames = [.. indicatorNames];
    }

    /// <summary>Numeric columns imputed.</summary>
    public IReadOnlyList<string> NumericColumns { get; }
    /// <summary>Per numeric column, the value that replaces NaN.</summary>
    public IReadOnlyList<float> NumericFills { get; }
    /// <summary>Categorical columns imputed.</summary>
    public IReadOnlyList<string> CategoricalColumns { get; }
    /// <summary>Per categorical column, the category that replaces a missing one.</summary>
    public IReadOnlyList<string> CategoricalFills { get; }
    /// <summary>Columns that had missing values at fit time and get an indicator column.</summary>
    public IReadOnlyList<string> IndicatorSources { get; }
    /// <summary>Names of the indicator columns, one per <see cref="IndicatorSources"/> entry.</summary>
    public IReadOnlyList<string> IndicatorNames { get; }

    public DataSchema GetOutputSchema(DataSchema input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ColumnSelection.Require(nameof(MissingImputer), input, NumericColumns, ColumnKind.Numeric);
        ColumnSelection.Require(nameof(MissingImputer), input, CategoricalColumns, ColumnKind.Categorical);
        foreach (var name in IndicatorNames)
        {
            if (input.Contains(name))
                throw new SchemaException($"{nameof(MissingImputer)}: the input already has a column '{name}', the name of a missing-indicator column it adds. Rename that column.");
        }
        return new DataSchema([.. input.Columns, .. IndicatorNames.Select(n => new ColumnSchema(n, ColumnKind.Numeric))]);
    }

    public DataFrame Transform(DataFrame input) => Transform(input, ScratchColumns.None);

    public DataFrame Transform(DataFrame input, ScratchColumns scratch)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(scratch);
        GetOutputSchema(input.Schema);
        var indicators = new Column[IndicatorSources.Count];
        // Indicators first: a numeric fill may overwrite its scratch source.
        for (var i = 0; i < indicators.Length; i++) indicators[i] = Indicator(input[IndicatorSources[i]], IndicatorNames[i]);
        var filled = new List<Column>(NumericColumns.Count + CategoricalColumns.Count + indicators.Length);
        for (var i = 0; i < NumericColumns.Count; i++) filled.Add(Fill(input.Numeric(NumericColumns[i]), NumericFills[i], scratch));
        for (var i = 0; i < CategoricalColumns.Count; i++) filled.Add(Fill(input.Categorical(CategoricalColumns[i]), CategoricalFills[i]));
        filled.AddRange(indicators);
        return input.With(filled);
    }

    // A scratch column is filled in place; any other is read through (FilledValues), so imputing a caller's column
    // costs no copy of it.
    private static NumericColumn Fill(NumericColumn column, float fill, ScratchColumns scratch)
    {
        if (column.MissingCount() == 0) return column;
        if (!scratch.Contains(column)) return new NumericColumn(column.Name, new FilledValues(column, fill));
        var values = scratch.Writable(column);
        FilledValues.Fill(values, fill);
        return new NumericColumn(column.Name, values);
    }

    private static CategoricalColumn Fill(CategoricalColumn column, string fill) =>
        column.MissingCount() == 0 ? column : column.With(fill, (_, code) => code == CategoricalColumn.Missing);

    private static NumericColumn Indicator(Column source, string name)
    {
        var values = new float[source.Length];
        for (var r = 0; r < values.Length; r++) values[r] = source.IsMissing(r) ? 1f : 0f;
        return new NumericColumn(name, values);
    }
}
