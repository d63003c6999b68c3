using System.Diagnostics;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.Export.Onnx;
using Pipelines.Export.Serving;
using Pipelines.IO;
using Pipelines.MLNet.Trainers;
using Pipelines.Trainers.LinearModels;
using Pipelines.Trainers.Trees;
using Pipelines.Transforms.Cleaning;
using Pipelines.Transforms.Encoding;
using Pipelines.Transforms.Normalization;

namespace Pipelines.Bench.Serving;

/// <summary>
/// Latency of exported pipelines in ONNX Runtime through the official package (src/Export/Serving: OnnxSessions with the
/// project's CPU options, inputs from <see cref="OnnxInputs"/>): single-row and batch calls, p50 and p99, after a
/// warm-up. Pipelines on data/messy_churn.csv (numbers with NaN, categories, an imbalanced label): impute, one-hot,
/// z-score and logistic regression; impute, one-hot and our GBDT (100 rounds of 31 leaves); one-hot and ML.NET's
/// LightGbm (100 iterations). Each row of the table times session.Run on inputs built beforehand ("run") and the whole
/// frame-to-tensors-and-back call (<see cref="OnnxScorer.Predict"/>, "predict").
/// </summary>
public sealed class OnnxLatencyBench : IBench
{
    public string Name => "onnx-latency";

    public string Description => "ONNX Runtime single-row and batch latency (p50, p99) of exported pipelines (args: [batch rows] [calls])";

    public int Run(string[] args)
    {
        var batch = BenchOptions.Int(args, 0, "batch rows", 1_000);
        var calls = BenchOptions.Int(args, 1, "calls", 2_000);
        var data = CsvReader.Read(Path.Combine(Trees.GbdtQualityBench.FindDataDirectory(), "messy_churn.csv"), new CsvOptions { Label = "churned" });
        data = data.Without([.. data.Features.Where(c => c.Kind == ColumnKind.Text).Select(c => c.Name)]);
        var fold = Split.TrainTest(data, 0.25, seed: 42);
        var train = data.Take(fold.Train);
        var test = data.Take(fold.Test);
        var rows = Enumerable.Range(0, batch).Select(i => i % test.RowCount).ToArray();
        var batchFrame = test.Take(rows);

        (string Name, IEstimator<ITransformer> Pipeline)[] pipelines =
        [
            ("impute + one-hot + z-score + logistic", new ImputeMissing().Append(new OneHotEncode()).Append(new ZScoreNormalize()).Append(new LogisticRegression())),
            ("impute + one-hot + GBDT 100x31", new ImputeMissing().Append(new OneHotEncode()).Append(new GbdtClassifier { Seed = 0 })),
            ("one-hot + ML.NET LightGbm 100", new OneHotEncode().Append(new LightGbmClassifier { Seed = 0 })),
        ];
        Console.WriteLine($"ONNX Runtime (Microsoft.ML.OnnxRuntime, CPU, default threads) on {Environment.ProcessorCount} cores; batch {batch} rows; {calls} single-row calls, {Math.Max(20, calls / 20)} batch calls");
        Console.WriteLine("| pipeline | call | rows | p50 ms | p99 ms | µs/row (p50) |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var (name, pipeline) in pipelines)
        {
            var model = OnnxModel.ToBytes(OnnxExporter.Export(pipeline.Fit(train), train));
            var path = Path.Combine(Path.GetTempPath(), $"onnx-latency-{Guid.NewGuid():N}.onnx");
            File.WriteAllBytes(path, model);
            try
            {
                using var scorer = OnnxScorer.Open(path);
                foreach (var (frame, count) in new[] { (test.Take([0]), calls), (batchFrame, Math.Max(20, calls / 20)) })
                {
                    var inputs = OnnxInputs.FromFrame(scorer.Session.InputMetadata, frame);
                    Print(name, "run", frame.RowCount, Measure(count, () => { using var _ = OnnxSessions.Run(scorer.Session, inputs); }));
                    Print(name, "predict", frame.RowCount, Measure(count, () => scorer.Predict(frame)));
                }
            }
            finally
            {
                File.Delete(path);
            }
        }
        return 0;
    }

    /// <summary>Milliseconds of each of <paramref name="count"/> calls, after count / 10 (at least 10) warm-up calls.</summary>
    private static double[] Measure(int count, Action call)
    {
        for (var i = 0; i < Math.Max(10, count / 10); i++) call();
        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            call();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return times;
    }

    private static void Print(string pipeline, string call, int rows, double[] sorted)
    {
        var p50 = Percentile(sorted, 0.50);
        var p99 = Percentile(sorted, 0.99);
        Console.WriteLine($"| {pipeline} | {call} | {rows} | {p50:F4} | {p99:F4} | {p50 * 1000 / rows:F2} |");
    }

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
