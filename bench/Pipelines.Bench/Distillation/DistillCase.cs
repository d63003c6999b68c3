using System.Diagnostics;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.IO;
using Pipelines.Trainers.Distillation;
using Pipelines.Trainers.Trees;
using Pipelines.Trainers.Trees.Prediction;

namespace Pipelines.Bench.Distillation;

/// <summary>
/// One data set of the distill bench: its seeded (42 unless told) stratified 75/25 split, the default GBDT teacher fitted on the
/// training part, and the student's hidden width, the widest of 64/32/16/8/6/4/3/2 whose one-hidden-layer MLP has at
/// most a tenth of the teacher's parameters.
/// </summary>
internal sealed record DistillCase(string File, int SplitSeed, DataFrame Train, DataFrame Test, GbdtModel Teacher, double TeacherFitSeconds, int Width)
{
    public static readonly (string File, string Label)[] Sets =
        [("breast_cancer.csv", "diagnosis"), ("iris.csv", "species"), ("wine.csv", "cultivar"), ("digits.csv.gz", "digit")];

    private static readonly int[] Widths = [64, 32, 16, 8, 6, 4, 3, 2];

    /// <summary>The architecture as inputs-hidden-classes.</summary>
    public string Architecture => $"{Teacher.Features.Count}-{Width}-{Teacher.Classes.Count}";

    public static DistillCase Load(string dataDir, string file, string label, int splitSeed = 42)
    {
        var data = LabelTask.WithClassLabel(CsvReader.Read(Path.Combine(dataDir, file)).WithLabel(label));
        var fold = Split.TrainTest(data, 0.25, seed: splitSeed);
        var train = data.Take(fold.Train);
        var watch = Stopwatch.StartNew();
        var teacher = new GbdtClassifier { Seed = 0, Threads = 2 }.Fit(train);
        var fit = watch.Elapsed.TotalSeconds;
        var limit = ModelSize.Parameters(teacher) / 10;
        int d = teacher.Features.Count, k = teacher.Classes.Count;
        var width = Widths.FirstOrDefault(h => d * h + h + h * k + k <= limit, 1);
        return new DistillCase(file, splitSeed, train, data.Take(fold.Test), teacher, fit, width);
    }
}
