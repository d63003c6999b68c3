using System.Diagnostics;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.IO;
using Pipelines.Trainers.Compression;
using Pipelines.Trainers.Distillation;
using Pipelines.Trainers.Mlp;
using Pipelines.Trainers.Trees;

namespace Pipelines.Bench.Distillation;

/// <summary>
/// Distillation of a default GBDT teacher into an MLP student with at most a tenth of its parameters, on the
/// classification sets in data/ (one seeded stratified 75/25 split each): test accuracy, parameters and predict time of
/// both, a same-size MLP trained on the labels alone, and the student after 50 % magnitude pruning and after int8
/// quantization (post-training calibration only, and quantization-aware training; both simulated with fake quantization).
/// </summary>
public sealed class DistillBench : IBench
{
    private static readonly (string File, string Label)[] Sets =
        [("breast_cancer.csv", "diagnosis"), ("iris.csv", "species"), ("wine.csv", "cultivar"), ("digits.csv.gz", "digit")];

    private static readonly int[] Widths = [64, 32, 16, 8, 6, 4, 3, 2];

    /// <inheritdoc/>
    public string Name => "distill";

    /// <inheritdoc/>
    public string Description => "GBDT teacher vs distilled MLP student (<= 1/10 parameters), then pruned and int8-quantized";

    /// <inheritdoc/>
    public int Run(string[] args)
    {
        var dataDir = args.Length > 0 ? args[0] : FindDataDirectory();
        Console.WriteLine("| data set | teacher acc | teacher params | teacher ms/1k | student | student acc | kept | student params | ratio | student ms/1k | plain MLP acc | pruned 50 % acc | PTQ int8 acc | QAT int8 acc | fit s (teacher / student) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var (file, label) in Sets)
        {
            var data = LabelTask.WithClassLabel(CsvReader.Read(Path.Combine(dataDir, file)).WithLabel(label));
            var fold = Split.TrainTest(data, 0.25, seed: 42);
            var train = data.Take(fold.Train);
            var test = data.Take(fold.Test);

            var watch = Stopwatch.StartNew();
            var teacher = new GbdtClassifier { Seed = 0, Threads = 2 }.Fit(train);
            var teacherFit = watch.Elapsed.TotalSeconds;
            var teacherParams = ModelSize.Parameters(teacher);
            int d = teacher.Features.Count, k = teacher.Classes.Count;
            var width = Widths.FirstOrDefault(h => d * h + h + h * k + k <= teacherParams / 10, 1);

            watch.Restart();
            var student = new DistillStudent { Teacher = teacher, HiddenSizes = [width], Epochs = 60, AugmentFactor = 2, Seed = 1 }.Fit(train);
            var studentFit = watch.Elapsed.TotalSeconds;
            var report = DistillationReport.Measure(teacher, student, test);
            var plain = new MlpClassifier { HiddenSizes = [width], LearningRate = 0.01f, Epochs = 200, Seed = 1 }.Fit(train);
            var pruned = new MagnitudePruning { Sparsity = 0.5, PruningSteps = 4, EpochsPerStep = 3, FineTuneEpochs = 10, LearningRate = 3e-3f, Seed = 1 }
                .Compress(student, train, test);
            var ptq = new QuantizationAwareTraining { FineTuneEpochs = 0, Seed = 1 }.Compress(student, train, test);
            var qat = new QuantizationAwareTraining { FineTuneEpochs = 10, LearningRate = 1e-3f, Seed = 1 }.Compress(student, train, test);
            Console.WriteLine(
                $"| {file} | {report.TeacherAccuracy:F4} | {report.TeacherParameters:N0} | {report.TeacherMsPer1000Rows:F2} | {d}-{width}-{k} | " +
                $"{report.StudentAccuracy:F4} | {report.AccuracyRetained:P1} | {report.StudentParameters:N0} | {report.ParameterRatio:P1} | {report.StudentMsPer1000Rows:F2} | " +
                $"{ModelMetrics.Score(plain, test):F4} | {pruned.Report.AccuracyAfter:F4} | {ptq.Report.SimulatedInt8Accuracy:F4} | {qat.Report.SimulatedInt8Accuracy:F4} | " +
                $"{teacherFit:F1} / {studentFit:F1} |");
        }
        return 0;
    }

    private static string FindDataDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipelines.sln"))) return Path.Combine(dir.FullName, "data");
        }
        throw new DirectoryNotFoundException("data/ not found above " + AppContext.BaseDirectory + "; pass the data directory.");
    }
}
