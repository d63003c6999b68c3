using Pipelines.Data;

namespace Pipelines.Trainers.Tests.Trees;

/// <summary>Small seeded frames for the tree tests.</summary>
internal static class TreeData
{
    /// <summary>A binary frame: numeric x0..x(d-1) (normal), categorical 'cat' (5 levels), label y from a noisy rule.</summary>
    public static DataFrame Binary(int rows, int numeric, int seed, double noise = 0.3)
    {
        var random = new Random(seed);
        var columns = new List<Column>();
        var x = new float[numeric][];
        for (var j = 0; j < numeric; j++)
        {
            x[j] = new float[rows];
            for (var r = 0; r < rows; r++) x[j][r] = (float)Normal(random);
        }
        string[] levels = ["a", "b", "c", "d", "e"];
        var cat = new string?[rows];
        var y = new string?[rows];
        for (var r = 0; r < rows; r++)
        {
            cat[r] = levels[random.Next(levels.Length)];
            var score = x[0][r] - (numeric > 1 ? 0.5 * x[1][r] : 0) + (cat[r] is "b" or "d" ? 0.8 : 0) + (noise * Normal(random));
            y[r] = score > 0.3 ? "pos" : "neg";
        }
        for (var j = 0; j < numeric; j++) columns.Add(new NumericColumn($"x{j}", x[j]));
        columns.Add(CategoricalColumn.FromValues("cat", cat));
        columns.Add(CategoricalColumn.FromValues("y", y));
        return new DataFrame(columns, label: "y");
    }

    /// <summary>A three-class frame from two numeric features.</summary>
    public static DataFrame ThreeClasses(int rows, int seed)
    {
        var random = new Random(seed);
        var a = new float[rows];
        var b = new float[rows];
        var y = new string?[rows];
        for (var r = 0; r < rows; r++)
        {
            a[r] = (float)Normal(random);
            b[r] = (float)Normal(random);
            y[r] = a[r] + (0.3 * Normal(random)) > 0.5 ? "one" : b[r] > 0 ? "two" : "three";
        }
        return new DataFrame([new NumericColumn("a", a), new NumericColumn("b", b), CategoricalColumn.FromValues("y", y)], label: "y");
    }

    public static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
