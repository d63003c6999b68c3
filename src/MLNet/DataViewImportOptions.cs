using Pipelines.Data;
using Pipelines.IO;

namespace Pipelines.MLNet;

/// <summary>How <see cref="DataViewImport.ToFrame(Microsoft.ML.IDataView, DataViewImportOptions?)"/> reads an IDataView. Immutable: change it with <c>with</c>.</summary>
public sealed record DataViewImportOptions
{
    /// <summary>Name of the label column; the frame gets it as its label (classification or regression, as <see cref="LabelTask"/> decides).</summary>
    public string? Label { get; init; }

    /// <summary>Name of a numeric per-row sample-weight column, or null.</summary>
    public string? Weight { get; init; }

    /// <summary>
    /// Only these columns are read (in the view's order); null reads every visible column. The label and weight are read
    /// even when not listed. Use it to leave out columns the frame cannot hold (images, dates, variable-size vectors).
    /// </summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>
    /// Kinds that replace inference for text and key columns, by ML.NET column name: <see cref="ColumnKind.Categorical"/>
    /// or <see cref="ColumnKind.Text"/>. Without an entry a text column is categorical when its distinct values stay within
    /// <see cref="TypeInference.CategoryLimit"/> of the default CSV options (as for a CSV file), text otherwise; a key
    /// column is always categorical; the label is always categorical when it is text.
    /// </summary>
    public IReadOnlyDictionary<string, ColumnKind>? ColumnKinds { get; init; }
}
