using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Persistence;

namespace Pipelines.Transforms.Encoding;

/// <summary>
/// Fitted one-hot encoding. Each source column is replaced, in place, by numeric 0/1 columns in this order:
/// "col=value" for each kept category in <see cref="Categories"/> order, then "col=__other__" when
/// <see cref="HasOther"/> (rare training categories listed in <see cref="Infrequent"/>, and unseen ones when
/// <see cref="UnseenToOther"/>), then "col=__missing__" when <see cref="MissingColumn"/>.
/// Any value with no output of its own (unseen without an other column, missing without a missing column)
/// is all zeros. Categories are matched by name, never by code. The outputs are derived columns
/// (<see cref="NumericColumn.IsDerived"/>): they read the source's codes as they are read, with no array of their own.
/// </summary>
[PersistedType("one-hot-encoder")]
public sealed class OneHotEncoder : ITransformer
{
    /// <summary>Suffix of the output that collects rare (and optionally unseen) categories.</summary>
    public const string OtherName = "__other__";

    /// <summary>Suffix of the output that flags missing values.</summary>
    public const string MissingName = "__missing__";

    // Per column: category name -> output slot (kept categories and the infrequent ones, which share the other slot).
    private readonly Dictionary<string, int>[] _slots;

    /// <param name="columns">Source categorical columns.</param>
    /// <param name="categories">Per source column, the categories with an output of their own, in output order.</param>
    /// <param name="infrequent">Per source column, training categories that go to the other output.</param>
    /// <param name="hasOther">Per source column, whether it has a "col=__other__" output.</param>
    /// <param name="unseenToOther">Whether unseen categories go to the other output (every column then needs one).</param>
    /// <param name="missingColumn">Whether every column has a "col=__missing__" output.</param>
    public OneHotEncoder(
        IReadOnlyList<string> columns,
        IReadOnlyList<IReadOnlyList<string>> categories,
        IReadOnlyList<IReadOnlyList<string>> infrequent,
        IReadOnlyList<bool> hasOther,
        bool unseenToOther,
        bool missingColumn)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var n = columns.Count;
        if (categories.Count != n || infrequent.Count != n || hasOther.Count != n)
            throw new ArgumentException($"{nameof(OneHotEncoder)}: columns, categories, infrequent and hasOther need one entry per column.");
        Columns = [.. columns];
        Categories = [.. categories.Select(c => (IReadOnlyList<string>)[.. c])];
        Infrequent = [.. infrequent.Select(c => (IReadOnlyList<string>)[.. c])];
        HasOther = [.. hasOther];
        UnseenToOther = unseenToOther;
        MissingColumn = missingColumn;
        _slots = new Dictionary<string, int>[n];
        for (var i = 0; i < n; i++)
        {
            if ((Infrequent[i].Count > 0 || unseenToOther) && !HasOther[i])
                throw new ArgumentException($"{nameof(OneHotEncoder)}: column '{Columns[i]}' sends values to its other output but has none.");
            _slots[i] = CategoryIndex.Build(nameof(OneHotEncoder), Columns[i], [.. Categories[i], .. Infrequent[i]]);
            foreach (var name in Infrequent[i]) _slots[i][name] = Categories[i].Count;
        }
    }

    /// <summary>Source categorical columns, each replaced by its outputs.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Per source column, the categories with an output of their own, in output order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Categories { get; }

    /// <summary>Per source column, training categories too rare (or beyond the cap) to keep: they go to "col=__other__".</summary>
    public IReadOnlyList<IReadOnlyList<string>> Infrequent { get; }

    /// <summary>Per source column, whether it has a "col=__other__" output.</summary>
    public IReadOnlyList<bool> HasOther { get; }

    /// <summary>Whether unseen categories go to "col=__other__" (otherwise they are all zeros).</summary>
    public bool UnseenToOther { get; }

    /// <summary>Whether each column has a "col=__missing__" output (otherwise missing values are all zeros).</summary>
    public bool MissingColumn { get; }

    /// <summary>Output column names for source column <paramref name="i"/>, in order.</summary>
    public IReadOnlyList<string> OutputNames(int i)
    {
        var column = Columns[i];
        var names = Categories[i].Select(c => $"{column}={c}").ToList();
        if (HasOther[i]) names.Add($"{column}={OtherName}");
        if (MissingColumn) names.Add($"{column}={MissingName}");
        return names;
    }

    /// <summary>The input schema with each source column replaced by its numeric outputs; a missing or non-categorical source column is a <see cref="Errors.SchemaException"/> naming it.</summary>
    public DataSchema GetOutputSchema(DataSchema input)
    {
        ColumnSelection.Require(nameof(OneHotEncoder), input, Columns, ColumnKind.Categorical);
        return EncodedOutput.Replace(input, Columns, OutputNames);
    }

    /// <summary>A new frame with each source column replaced by its outputs; the input is not changed.</summary>
    public DataFrame Transform(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        GetOutputSchema(input.Schema);
        return EncodedOutput.Replace(input, Columns, i => Encode(i, input.Categorical(Columns[i])));
    }

    // The outputs are derived (OneHotValues): each reads the source's codes as it is read, so encoding a column
    // costs one small table, not an array per output.
    private NumericColumn[] Encode(int i, CategoricalColumn source)
    {
        var names = OutputNames(i);
        var other = HasOther[i] ? Categories[i].Count : -1;
        var unseenSlot = UnseenToOther ? other : -1;
        var missingSlot = MissingColumn ? names.Count - 1 : -1;
        var map = CategoryIndex.MapCodes(source, _slots[i]);
        // Per output, its value for each source code, shifted by one so the missing code (-1) has the first entry.
        var values = new float[names.Count][];
        for (var j = 0; j < values.Length; j++) values[j] = new float[map.Length + 1];
        if (missingSlot >= 0) values[missingSlot][0] = 1f;
        for (var code = 0; code < map.Length; code++)
        {
            var slot = map[code] < 0 ? unseenSlot : map[code];
            if (slot >= 0) values[slot][code + 1] = 1f;
        }
        var columns = new NumericColumn[names.Count];
        for (var j = 0; j < columns.Length; j++) columns[j] = new NumericColumn(names[j], new OneHotValues(source, values[j]));
        return columns;
    }
}
