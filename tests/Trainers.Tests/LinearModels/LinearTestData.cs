using Pipelines.Data;
using Pipelines.IO;

namespace Pipelines.Trainers.Tests.LinearModels;

/// <summary>Shipped data sets and small synthetic frames for the linear learner tests.</summary>
internal static class LinearTestData
{
    public static string Root { get; } = FindRoot();

    public static string DataPath(string name) => Path.Combine(Root, "data", name);

    public static DataFrame Csv(string name, string label) => CsvReader.Read(DataPath(name), new CsvOptions { Label = label });

    /// <summary>
    /// Two numeric features and a binary label 'y' ("neg"/"pos") with P(pos) = σ(3 x1 - 2 x2 + 0.5): nearly separable.
    /// </summary>
    public static DataFrame Binary(int rows, int seed, double positiveShift = 0.5)
    {
        var random = new Random(seed);
        var x1 = new float[rows];
        var x2 = new float[rows];
        var y = new string?[rows];
        for (var i = 0; i < rows; i++)
        {
            x1[i] = (float)Normal(random);
            x2[i] = (float)(Normal(random) * 2 + 1);
            var z = 3 * x1[i] - 2 * (x2[i] - 1) + positiveShift;
            y[i] = random.NextDouble() < 1 / (1 + Math.Exp(-z)) ? "pos" : "neg";
        }
        y[0] = "neg"; // fix the class-code order: neg = 0, pos = 1
        return new DataFrame([new NumericColumn("x1", x1), new NumericColumn("x2", x2), CategoricalColumn.FromValues("y", y)], label: "y");
    }

    public static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public static double Accuracy(float[] probabilities, int classes, ReadOnlySpan<int> codes)
    {
        var correct = 0;
        for (var i = 0; i < codes.Length; i++)
        {
            var best = 0;
            for (var c = 1; c < classes; c++) if (probabilities[i * classes + c] > probabilities[i * classes + best]) best = c;
            if (best == codes[i]) correct++;
        }
        return (double)correct / codes.Length;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipelines.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Pipelines.sln not found above " + AppContext.BaseDirectory);
    }
}
