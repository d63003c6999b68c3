using System.Diagnostics;
using Pipelines.Trainers.Compression;
using Pipelines.Trainers.Distillation;
using Pipelines.Trainers.Mlp;

namespace Pipelines.Bench.Distillation;

/// <summary>
/// Distillation of a default GBDT teacher into an MLP student with at most a tenth of its parameters, on the
/// classification sets in data/ (one seeded stratified 75/25 split each, <see cref="DistillCase"/>): test accuracy,
/// fidelity to the teacher, parameters and predict time of both, a same-size MLP trained on the labels alone, and the
/// student after 50 % magnitude pruning and after int8 quantization (post-training calibration only, and
/// quantization-aware training; both simulated with fake quantization). Arguments: [seeds=N] [splits=M] [data dir]; with
/// N or M above 1, <see cref="DistillSeeds"/> follows over student seeds 1..N and split seeds 42..41+M.
/// </summary>
public sealed class DistillBench : IBench
{
    /// <inheritdoc/>
    public string Name => "distill";

    /// <inheritdoc/>
    public string Description => "GBDT teacher vs distilled MLP student (<= 1/10 parameters), then pruned and int8-quantized; [seeds=N] [splits=M] [data dir]";

    /// <inheritdoc/>
    public int Run(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var seeds = options.Int("seeds", 1);
        var splits = options.Int("splits", 1);
        var dataDir = BenchOptions.Positional(args).LastOrDefault() ?? FindDataDirectory();
        Console.WriteLine("| data set | teacher acc | teacher params | teacher ms/1k | student | student acc | kept | fidelity | student params | ratio | student ms/1k | plain MLP acc | pruned 50 % acc | PTQ int8 acc | QAT int8 acc | fit s (teacher / student) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        var cases = new List<DistillCase>();
        foreach (var (file, label) in DistillCase.Sets)
        {
            var set = DistillCase.Load(dataDir, file, label);
            cases.Add(set);
            var (train, test) = (set.Train, set.Test);
            var watch = Stopwatch.StartNew();
            var student = new DistillStudent { Teacher = set.Teacher, HiddenSizes = [set.Width], Seed = 1 }.Fit(train);
            var studentFit = watch.Elapsed.TotalSeconds;
            var report = DistillationReport.Measure(set.Teacher, student, test);
            var plain = new MlpClassifier { HiddenSizes = [set.Width], LearningRate = 0.01f, Epochs = 200, Seed = 1 }.Fit(train);
            var pruned = new MagnitudePruning { Sparsity = 0.5, PruningSteps = 4, EpochsPerStep = 3, FineTuneEpochs = 10, LearningRate = 3e-3f, Seed = 1 }
                .Compress(student, train, test);
            var ptq = new QuantizationAwareTraining { FineTuneEpochs = 0, Seed = 1 }.Compress(student, train, test);
            var qat = new QuantizationAwareTraining { FineTuneEpochs = 10, LearningRate = 1e-3f, Seed = 1 }.Compress(student, train, test);
            Console.WriteLine(
                $"| {file} | {report.TeacherAccuracy:F4} | {report.TeacherParameters:N0} | {report.TeacherMsPer1000Rows:F2} | {set.Architecture} | " +
                $"{report.StudentAccuracy:F4} | {report.AccuracyRetained:P1} | {report.Fidelity:P1} | {report.StudentParameters:N0} | {report.ParameterRatio:P1} | {report.StudentMsPer1000Rows:F2} | " +
                $"{ModelMetrics.Score(plain, test):F4} | {pruned.Report.AccuracyAfter:F4} | {ptq.Report.SimulatedInt8Accuracy:F4} | {qat.Report.SimulatedInt8Accuracy:F4} | " +
                $"{set.TeacherFitSeconds:F1} / {studentFit:F1} |");
        }
        if (seeds > 1 || splits > 1) DistillSeeds.Print(cases, dataDir, seeds, splits);
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
