using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.IO;

namespace Pipelines.Tests.Calibration;

/// <summary>Shipped data sets and seeded synthetic probabilities for the calibration tests.</summary>
internal static class CalibrationData
{
    public static string Directory { get; } = FindData();

    /// <summary>data/<paramref name="file"/> with its label, text columns dropped, a numeric class label made categorical.</summary>
    public static DataFrame Read(string file, string label)
    {
        var data = CsvReader.Read(Path.Combine(Directory, file), new CsvOptions { Label = label });
        return LabelTask.WithClassLabel(data.Without([.. data.Features.Where(c => c.Kind == ColumnKind.Text).Select(c => c.Name)]));
    }

    /// <summary>A seeded stratified 75/25 split.</summary>
    public static (DataFrame Train, DataFrame Test) Split(DataFrame data, int seed)
    {
        var fold = Pipelines.Evaluation.Split.TrainTest(data, 0.25, seed);
        return (data.Take(fold.Train), data.Take(fold.Test));
    }

    /// <summary>
    /// Binary rows whose true P(class 1) is q (uniform in (0.02, 0.98)) and whose model probability is the overconfident
    /// sigmoid(<paramref name="sharpness"/>·logit(q)); row-major [1 − p, p].
    /// </summary>
    public static (int[] Actual, float[] Probabilities) Overconfident(int rows, double sharpness, int seed)
    {
        var random = new Random(seed);
        var actual = new int[rows];
        var probabilities = new float[2 * rows];
        for (var r = 0; r < rows; r++)
        {
            var q = 0.02 + 0.96 * random.NextDouble();
            actual[r] = random.NextDouble() < q ? 1 : 0;
            var p = (float)(1 / (1 + Math.Exp(-sharpness * Math.Log(q / (1 - q)))));
            probabilities[2 * r] = 1 - p;
            probabilities[2 * r + 1] = p;
        }
        return (actual, probabilities);
    }

    /// <summary>Class codes of <paramref name="frame"/>'s label in the order of <paramref name="classes"/>.</summary>
    public static int[] Codes(DataFrame frame, IReadOnlyList<string> classes) =>
        ((CategoricalColumn)frame.Label!).Recode(classes).Codes.ToArray();

    private static string FindData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipelines.sln"))) return Path.Combine(dir.FullName, "data");
        }
        throw new InvalidOperationException($"No Pipelines.sln above {AppContext.BaseDirectory}.");
    }
}
