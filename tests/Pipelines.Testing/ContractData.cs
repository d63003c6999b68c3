using Pipelines.Data;

namespace Pipelines.Tests.Contract;

/// <summary>Small deterministic frames every component is checked on.</summary>
public static class ContractData
{
    public const int Rows = 48;

    /// <summary>
    /// Numeric x1 (roughly normal), x2 (skewed, positive), x3 (integers 0..9), categorical color
    /// (imbalanced, 3 values), text note, and an imbalanced binary categorical label y (36 'no' / 12 'yes')
    /// that depends on x1 and color. No missing values.
    /// </summary>
    public static DataFrame Standard() => Build(missing: false, constant: false);

    /// <summary><see cref="Standard"/> with NaN in x1 and x2 and missing colors.</summary>
    public static DataFrame WithMissing() => Build(missing: true, constant: false);

    /// <summary><see cref="Standard"/> with a constant numeric column 'flat' and a constant categorical 'same'.</summary>
    public static DataFrame WithConstant() => Build(missing: false, constant: true);

    /// <summary>
    /// <paramref name="data"/> with every numeric column derived (<see cref="NumericColumn.IsDerived"/>): its values are
    /// computed from a copy as they are read, with no array of the column's own.
    /// </summary>
    public static DataFrame Derived(DataFrame data) =>
        data.WithColumns([.. data.Columns.Select(c => c is NumericColumn n ? new NumericColumn(n.Name, new ReadThrough(n.ToArray())) : c)]);

    // Derived values that are those of an array, read through.
    private sealed class ReadThrough(float[] values) : DerivedValues
    {
        public override int Length => values.Length;

        public override float At(int row) => values[row];

        public override void CopyTo(int start, Span<float> destination) => values.AsSpan(start, destination.Length).CopyTo(destination);
    }

    /// <summary>A numeric regression frame: features x1..x3 and numeric label target.</summary>
    public static DataFrame Regression()
    {
        var baseFrame = Standard();
        var x1 = baseFrame.Numeric("x1").Values;
        var x3 = baseFrame.Numeric("x3").Values;
        var target = new float[Rows];
        for (var i = 0; i < Rows; i++) target[i] = 2 * x1[i] - 0.5f * x3[i] + (i % 5) * 0.1f;
        return baseFrame.WithLabel(null).Without("y").With(new NumericColumn("target", target)).WithLabel("target");
    }

    private static DataFrame Build(bool missing, bool constant)
    {
        var random = new Random(20261122);
        var x1 = new float[Rows];
        var x2 = new float[Rows];
        var x3 = new float[Rows];
        var color = new string?[Rows];
        var note = new string?[Rows];
        var y = new string?[Rows];
        string[] palette = ["red", "red", "red", "green", "green", "blue"];
        for (var i = 0; i < Rows; i++)
        {
            x1[i] = (float)Math.Round(Normal(random), 4);
            x2[i] = (float)Math.Round(Math.Exp(Normal(random)), 4);
            x3[i] = random.Next(10);
            color[i] = palette[random.Next(palette.Length)];
            note[i] = $"note {i % 7}";
        }
        // Label: 'yes' for the 12 rows with the highest score, so it is learnable and imbalanced 3:1.
        var score = Enumerable.Range(0, Rows).Select(i => x1[i] + (color[i] == "blue" ? 1.0 : 0.0)).ToArray();
        var order = Enumerable.Range(0, Rows).OrderByDescending(i => score[i]).ToArray();
        for (var i = 0; i < Rows; i++) y[i] = "no";
        foreach (var i in order.Take(Rows / 4)) y[i] = "yes";
        if (missing)
        {
            foreach (var i in new[] { 1, 5, 9, 20, 33 }) x1[i] = float.NaN;
            foreach (var i in new[] { 2, 5, 40 }) x2[i] = float.NaN;
            foreach (var i in new[] { 3, 17, 29 }) color[i] = null;
        }
        var columns = new List<Column>
        {
            new NumericColumn("x1", x1),
            new NumericColumn("x2", x2),
            new NumericColumn("x3", x3),
            CategoricalColumn.FromValues("color", color),
            new TextColumn("note", note),
        };
        if (constant)
        {
            columns.Add(new NumericColumn("flat", Enumerable.Repeat(5f, Rows).ToArray()));
            columns.Add(CategoricalColumn.FromValues("same", Enumerable.Repeat<string?>("a", Rows).ToArray()));
        }
        columns.Add(CategoricalColumn.FromValues("y", y));
        return new DataFrame(columns, label: "y");
    }

    private static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
