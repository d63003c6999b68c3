using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.IO;
using Pipelines.Trainers.Trees.Forest;

namespace Pipelines.Trainers.Tests.Trees;

/// <summary>Shipped data sets, seeded splits and scoring for the forest tests.</summary>
internal static class ForestTestData
{
    public static string Root { get; } = FindRoot();

    public static string DataPath(string name) => Path.Combine(Root, "data", name);

    public static DataFrame Csv(string name, string label) => CsvReader.Read(DataPath(name), new CsvOptions { Label = label });

    /// <summary>The seeded stratified 75/25 split of a shipped file: (train, test, fold).</summary>
    public static (DataFrame Train, DataFrame Test, Fold Fold) Split75(string name, string label, int seed)
    {
        var data = Csv(name, label);
        var fold = Split.TrainTest(data, 0.25, seed);
        return (data.Take(fold.Train), data.Take(fold.Test), fold);
    }

    /// <summary>Share of rows whose most probable class (by name) is the frame's label.</summary>
    public static double Accuracy(ForestModel model, DataFrame data)
    {
        var p = model.Predict(data);
        var k = model.Classes.Count;
        var label = (CategoricalColumn)data.Label!;
        var correct = 0;
        for (var r = 0; r < data.RowCount; r++)
        {
            var best = 0;
            for (var j = 1; j < k; j++) if (p[(r * k) + j] > p[(r * k) + best]) best = j;
            if (model.Classes[best] == label.Categories[label[r]]) correct++;
        }
        return (double)correct / data.RowCount;
    }

    /// <summary>R² of the model's predictions against a numeric label.</summary>
    public static double RSquared(ForestModel model, DataFrame data)
    {
        var p = model.Predict(data);
        var y = ((NumericColumn)data.Label!).ToArray();
        var mean = y.Average();
        double residual = 0, total = 0;
        for (var r = 0; r < y.Length; r++)
        {
            residual += (y[r] - p[r]) * (double)(y[r] - p[r]);
            total += (y[r] - mean) * (y[r] - mean);
        }
        return 1 - (residual / total);
    }

    /// <summary>A regression frame: y = 3 sin(x0) + x1^2 + (cat is "b" ? 2 : 0) + noise, with some NaN in x1.</summary>
    public static DataFrame Regression(int rows, int seed)
    {
        var random = new Random(seed);
        var x0 = new float[rows];
        var x1 = new float[rows];
        var x2 = new float[rows];
        var cat = new string?[rows];
        var y = new float[rows];
        string[] levels = ["a", "b", "c"];
        for (var r = 0; r < rows; r++)
        {
            x0[r] = (float)(random.NextDouble() * 6 - 3);
            x1[r] = (float)(random.NextDouble() * 4 - 2);
            x2[r] = (float)TreeData.Normal(random);
            cat[r] = levels[random.Next(3)];
            y[r] = (float)((3 * Math.Sin(x0[r])) + (x1[r] * x1[r]) + (cat[r] == "b" ? 2 : 0) + (0.3 * TreeData.Normal(random)));
            if (r % 11 == 0) x1[r] = float.NaN;
        }
        return new DataFrame(
            [new NumericColumn("x0", x0), new NumericColumn("x1", x1), new NumericColumn("x2", x2), CategoricalColumn.FromValues("cat", cat), new NumericColumn("y", y)],
            label: "y");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipelines.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Pipelines.sln not found above " + AppContext.BaseDirectory);
    }
}
