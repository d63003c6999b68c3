using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.IO;

namespace Pipelines.Export.Tests.Onnx;

/// <summary>The shipped data sets (data/ at the repository root), split 75/25 with a fixed seed.</summary>
internal static class LearnerData
{
    public const int Seed = 17;

    public static string Root { get; } = FindRoot();

    /// <summary>Reads data/<paramref name="file"/> with <paramref name="label"/> as the label, drops text columns, and splits it.</summary>
    public static (DataFrame Train, DataFrame Test) Split(string file, string label)
    {
        var data = CsvReader.Read(Path.Combine(Root, "data", file), new CsvOptions { Label = label });
        data = LabelTask.WithClassLabel(data.Without([.. data.Features.Where(c => c.Kind == ColumnKind.Text).Select(c => c.Name)]));
        return SplitFrame(data);
    }

    /// <summary>Reads a regression data set: <paramref name="label"/> stays numeric; <paramref name="drop"/> columns are removed.</summary>
    public static (DataFrame Train, DataFrame Test) SplitRegression(string file, string label, params string[] drop)
    {
        var data = CsvReader.Read(Path.Combine(Root, "data", file), new CsvOptions { Label = label });
        return SplitFrame(data.Without([.. drop, .. data.Features.Where(c => c.Kind == ColumnKind.Text).Select(c => c.Name)]));
    }

    private static (DataFrame, DataFrame) SplitFrame(DataFrame data)
    {
        var fold = Evaluation.Split.TrainTest(data, 0.25, Seed);
        return (data.Take(fold.Train), data.Take(fold.Test));
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
