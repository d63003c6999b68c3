using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Persistence;

namespace Pipelines.Transforms.Encoding;

/// <summary>
/// Fitted per-column lookup from category name to one or more numbers: the state of ordinal, frequency and
/// target encoding. Each source column is replaced, in place, by its output columns (numeric features).
/// A category the encoder did not learn gets that column's <see cref="Unseen"/> row; a missing value gets
/// its <see cref="Missing"/> row. Categories are matched by name, so the input may code them differently.
/// (ONNX: a LabelEncoder or a Gather over <see cref="Values"/> per column.)
/// </summary>
[PersistedType("lookup-encoder")]
public sealed class LookupEncoder : ITransformer
{
    private readonly Dictionary<string, int>[] _index;
    // Plain arrays for the hot loop; the public properties expose the same arrays read-only.
    private readonly float[][] _values;
    private readonly float[][] _unseen;
    private readonly float[][] _missing;

    /// <param name="columns">Source categorical columns.</param>
    /// <param name="outputs">Per source column, the names of its output columns (one name equal to the source replaces it under the same name).</param>
    /// <param name="categories">Per source column, the learned category names.</param>
    /// <param name="values">Per source column, row-major [category, output] values: categories.Count * outputs.Count numbers.</param>
    /// <param name="unseen">Per source column, one value per output for categories not learned.</param>
    /// <param name="missing">Per source column, one value per output for missing values.</param>
    public LookupEncoder(
        IReadOnlyList<string> columns,
        IReadOnlyList<IReadOnlyList<string>> outputs,
        IReadOnlyList<IReadOnlyList<string>> categories,
        IReadOnlyList<IReadOnlyList<float>> values,
        IReadOnlyList<IReadOnlyList<float>> unseen,
        IReadOnlyList<IReadOnlyList<float>> missing)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var n = columns.Count;
        if (outputs.Count != n || categories.Count != n || values.Count != n || unseen.Count != n || missing.Count != n)
            throw new ArgumentException($"{nameof(LookupEncoder)}: columns, outputs, categories, values, unseen and missing need one entry per column.");
        Columns = [.. columns];
        Outputs = [.. outputs.Select(o => (IReadOnlyList<string>)[.. o])];
        Categories = [.. categories.Select(c => (IReadOnlyList<string>)[.. c])];
        _values = [.. values.Select(v => v.ToArray())];
        _unseen = [.. unseen.Select(v => v.ToArray())];
        _missing = [.. missing.Select(v => v.ToArray())];
        _index = new Dictionary<string, int>[n];
        for (var i = 0; i < n; i++)
        {
            var k = Outputs[i].Count;
            if (_values[i].Length != Categories[i].Count * k || _unseen[i].Length != k || _missing[i].Length != k)
                throw new ArgumentException($"{nameof(LookupEncoder)}: column '{Columns[i]}' has {Categories[i].Count} categories and {k} outputs, but {_values[i].Length} values, {_unseen[i].Length} unseen and {_missing[i].Length} missing values.");
            _index[i] = CategoryIndex.Build(nameof(LookupEncoder), Columns[i], Categories[i]);
        }
    }

    /// <summary>Source categorical columns, each replaced by its outputs.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Per source column, its output column names in output order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Outputs { get; }

    /// <summary>Per source column, the learned categories.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Categories { get; }

    /// <summary>Per source column, row-major [category, output] values.</summary>
    public IReadOnlyList<IReadOnlyList<float>> Values => _values;

    /// <summary>Per source column, the outputs for a category that was not learned.</summary>
    public IReadOnlyList<IReadOnlyList<float>> Unseen => _unseen;

    /// <summary>Per source column, the outputs for a missing value.</summary>
    public IReadOnlyList<IReadOnlyList<float>> Missing => _missing;

    /// <summary>The input schema with each source column replaced by its numeric outputs; a missing or non-categorical source column is a <see cref="Errors.SchemaException"/> naming it.</summary>
    public DataSchema GetOutputSchema(DataSchema input)
    {
        ColumnSelection.Require(nameof(LookupEncoder), input, Columns, ColumnKind.Categorical);
        return EncodedOutput.Replace(input, Columns, i => Outputs[i]);
    }

    /// <summary>A new frame with each source column replaced by its outputs; the input is not changed.</summary>
    public DataFrame Transform(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        GetOutputSchema(input.Schema);
        return EncodedOutput.Replace(input, Columns, i => Encode(i, input.Categorical(Columns[i])));
    }

    private NumericColumn[] Encode(int i, CategoricalColumn source)
    {
        var names = Outputs[i];
        var k = names.Count;
        var values = _values[i];
        var unseen = _unseen[i];
        var missing = _missing[i];
        var map = CategoryIndex.MapCodes(source, _index[i]);
        var codes = source.Codes;
        var result = new float[k][];
        for (var j = 0; j < k; j++) result[j] = new float[codes.Length];
        for (var row = 0; row < codes.Length; row++)
        {
            var code = codes[row];
            ReadOnlySpan<float> entry = code == CategoricalColumn.Missing ? missing
                : map[code] < 0 ? unseen
                : values.AsSpan(map[code] * k, k);
            for (var j = 0; j < k; j++) result[j][row] = entry[j];
        }
        var columns = new NumericColumn[k];
        for (var j = 0; j < k; j++) columns[j] = new NumericColumn(names[j], result[j]);
        return columns;
    }
}
