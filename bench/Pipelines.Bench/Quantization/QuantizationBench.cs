using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.Export.Onnx;
using Pipelines.Export.Onnx.Proto;
using Pipelines.Export.Quantization;
using Pipelines.Export.Serving;
using Pipelines.IO;
using Pipelines.Trainers.Mlp;

namespace Pipelines.Bench.Quantization;

/// <summary>
/// For each classification set in data/ (seeded stratified 75/25 split): an MLP (hidden [256, 256], ReLU, 60 epochs)
/// is trained, exported, and quantized three ways (dynamic int8, static QDQ calibrated on the training rows, float16
/// weights), plus dynamic int8 with 7-bit weights. Each variant runs in ONNX Runtime (1 intra-op thread): file size,
/// test accuracy and log loss, batch-1 latency p50/p99 over RUNS runs after warm-up, and rows/s at batch 1024.
/// </summary>
public sealed class QuantizationBench : IBench
{
    // The measurements in bench/README.md were taken with these variants: full-range 8-bit rows beside the default.
    private static readonly QuantizationOptions FullRange = new() { ReduceRange = false };

    private static readonly (string File, string Label)[] Sets =
        [("breast_cancer.csv", "diagnosis"), ("iris.csv", "species"), ("wine.csv", "cultivar"), ("digits.csv.gz", "digit")];

    public string Name => "quantize";

    public string Description => "MLP [256, 256] fp32 vs dynamic int8 / static QDQ / float16 ONNX: size, accuracy, log loss, latency (args: [runs=2000] [epochs=60])";

    public int Run(string[] args)
    {
        var runs = BenchOptions.Int(args, 0, "runs", 2000);
        var epochs = BenchOptions.Int(args, 1, "epochs", 60);
        var dataDir = Trees.GbdtQualityBench.FindDataDirectory();
        Console.WriteLine($"ONNX Runtime, 1 intra-op thread; latency over {runs} batch-1 runs after 200 warm-up runs; throughput at batch 1024.");
        Console.WriteLine("| data set | variant | file bytes | vs fp32 | accuracy | log loss | p50 us | p99 us | rows/s @1024 |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (file, label) in Sets)
        {
            var data = LabelTask.WithClassLabel(CsvReader.Read(Path.Combine(dataDir, file)).WithLabel(label));
            var fold = Split.TrainTest(data, 0.25, seed: 42);
            var train = data.Take(fold.Train);
            var test = data.Take(fold.Test);
            var model = new MlpClassifier { HiddenSizes = [256, 256], Epochs = epochs, Seed = 0 }.Fit(train);
            var fp32 = OnnxExporter.Export(model, train);
            var actual = test.Categorical(label).Recode(model.Classes).Codes.ToArray();
            var variants = new List<(string Name, ModelProto Model)>
            {
                ("fp32", fp32),
                ("dynamic int8, 8-bit", OnnxQuantizer.Quantize(fp32, QuantizationMode.DynamicInt8, options: FullRange).Model),
                ("dynamic int8, 7-bit (default)", OnnxQuantizer.Quantize(fp32, QuantizationMode.DynamicInt8).Model),
                ("static QDQ, 8-bit", OnnxQuantizer.Quantize(fp32, QuantizationMode.StaticQdq, train, FullRange).Model),
                ("float16", OnnxQuantizer.Quantize(fp32, QuantizationMode.Float16).Model),
            };
            var baseBytes = OnnxModel.ToBytes(fp32).Length;
            foreach (var (name, variant) in variants)
            {
                var bytes = OnnxModel.ToBytes(variant);
                using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
                using var session = new InferenceSession(bytes, options);
                var probabilities = Probabilities(session, test);
                var k = model.Classes.Count;
                var accuracy = ClassificationMetrics.Accuracy(actual, ClassificationMetrics.ArgMax(probabilities, k));
                var logLoss = ProbabilisticMetrics.LogLoss(actual, probabilities, k);
                var (p50, p99) = Latency(session, test, runs);
                var throughput = Throughput(session, test);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {file} | {name} | {bytes.Length:N0} | {(double)bytes.Length / baseBytes:P1} | {accuracy:F4} | {logLoss:F4} | {p50:F1} | {p99:F1} | {throughput:N0} |"));
            }
        }
        return 0;
    }

    private static float[] Probabilities(InferenceSession session, DataFrame rows)
    {
        using var outputs = session.Run(Feeds(session, rows));
        return [.. outputs.Select(o => o.Value).OfType<Tensor<float>>().Single()];
    }

    private static void RunOnce(InferenceSession session, IReadOnlyCollection<NamedOnnxValue> feeds)
    {
        using var outputs = session.Run(feeds);
    }

    private static (double P50, double P99) Latency(InferenceSession session, DataFrame test, int runs)
    {
        var feeds = Enumerable.Range(0, Math.Min(64, test.RowCount)).Select(r => Feeds(session, test.Take([r]))).ToArray();
        for (var i = 0; i < 200; i++) RunOnce(session, feeds[i % feeds.Length]);
        var micros = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            RunOnce(session, feeds[i % feeds.Length]);
            micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        Array.Sort(micros);
        return (micros[runs / 2], micros[(int)(runs * 0.99)]);
    }

    private static double Throughput(InferenceSession session, DataFrame test)
    {
        var batch = test.Take([.. Enumerable.Range(0, 1024).Select(i => i % test.RowCount)]);
        var feeds = Feeds(session, batch);
        RunOnce(session, feeds);
        var best = double.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var start = Stopwatch.GetTimestamp();
            RunOnce(session, feeds);
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        return 1024 / best;
    }

    private static IReadOnlyList<NamedOnnxValue> Feeds(InferenceSession session, DataFrame rows) => OnnxInputs.FromFrame(session.InputMetadata, rows);
}
