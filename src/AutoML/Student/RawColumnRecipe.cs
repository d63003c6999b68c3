using Pipelines.Data;

namespace Pipelines.AutoML.Student;

/// <summary>
/// How one raw training column is rebuilt from rows of the student's features (see <see cref="RawRowDecoder"/>).
/// Where the student's preprocessing added a missing indicator for the column, a row whose indicator is at least 0.5
/// gets a missing value, whatever the other features say.
/// </summary>
internal abstract class RawColumnRecipe(string name, string? indicator)
{
    public string Name { get; } = name;

    /// <summary>Rebuilds the column for every row of <paramref name="features"/>.</summary>
    public abstract Column Decode(DataFrame features);

    /// <summary>Whether row <paramref name="row"/> was missing, by the column's indicator feature (never, without one).</summary>
    protected bool IsMissing(DataFrame features, int row) => indicator is not null && features.Numeric(indicator)[row] >= 0.5f;

    /// <summary>A categorical column over the training dictionary <paramref name="categories"/>; <paramref name="pick"/> gives each row's code (-1: missing).</summary>
    protected CategoricalColumn Categorical(DataFrame features, string[] categories, Func<int, int> pick)
    {
        var codes = new int[features.RowCount];
        for (var r = 0; r < codes.Length; r++) codes[r] = IsMissing(features, r) ? CategoricalColumn.Missing : pick(r);
        return new CategoricalColumn(Name, codes, categories);
    }
}

/// <summary>A numeric feature the student reads as it is, or through the signed log (inverted exactly here).</summary>
internal sealed class NumericRecipe(string name, bool logged, string? indicator) : RawColumnRecipe(name, indicator)
{
    public override Column Decode(DataFrame features)
    {
        var source = features.Numeric(Name).Values;
        var values = new float[source.Length];
        for (var r = 0; r < values.Length; r++)
        {
            var v = source[r];
            if (logged) v = float.CopySign((float)double.ExpM1(Math.Abs((double)v)), v);
            values[r] = IsMissing(features, r) ? float.NaN : v;
        }
        return new NumericColumn(Name, values);
    }
}

/// <summary>A column the student does not read (text, constant): every row gets the value it had in training, or missing.</summary>
internal sealed class ConstantRecipe(Column training) : RawColumnRecipe(training.Name, null)
{
    private readonly int _present = FirstPresent(training);

    public override Column Decode(DataFrame features)
    {
        var rows = features.RowCount;
        switch (training)
        {
            case NumericColumn numeric:
                var values = new float[rows];
                Array.Fill(values, _present < 0 ? float.NaN : numeric[_present]);
                return new NumericColumn(Name, values);
            case CategoricalColumn categorical:
                var code = _present < 0 ? CategoricalColumn.Missing : categorical[_present];
                return Categorical(features, [.. categorical.Categories], _ => code);
            default:
                return new TextColumn(Name, new string?[rows]);
        }
    }

    private static int FirstPresent(Column column)
    {
        for (var r = 0; r < column.Length; r++) if (!column.IsMissing(r)) return r;
        return -1;
    }
}
