using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using Pipelines.Data;
using Pipelines.MLNet;

namespace Pipelines.Bench.Trees;

/// <summary>
/// ML.NET's own LightGbm and FastTree binary trainers, timed as a user runs them: the frame as an IDataView
/// (<see cref="FrameExport"/>, in place), features concatenated into one vector, the 0/1 label converted to Boolean, and
/// the trainer's Fit (which reads and bins the data, then boosts). A small fit first warms the JIT and native libraries.
/// </summary>
internal static class MLNetTreeTimer
{
    public const string LightGbm = "ML.NET LightGbm";
    public const string FastTree = "ML.NET FastTree";

    /// <summary>Seconds of the timed Fit, and accuracy on the first rows (up to 50,000) of <paramref name="data"/>.</summary>
    public static (double Seconds, double Accuracy) Time(string trainer, DataFrame data, float[] labels, int rounds, int leaves, int threads)
    {
        var ml = new MLContext(seed: 0);
        var features = data.Features.Select(c => c.Name).ToArray();
        var frame = data.With(new NumericColumn("y", labels));
        Microsoft.ML.IEstimator<Microsoft.ML.ITransformer> Pipeline(int trees)
        {
            var prepare = ml.Transforms.Concatenate("Features", features).Append(ml.Transforms.Conversion.ConvertType("Label", "y", DataKind.Boolean));
            return trainer == LightGbm
                ? prepare.Append(ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
                {
                    NumberOfIterations = trees, NumberOfLeaves = leaves, LearningRate = 0.1, MinimumExampleCountPerLeaf = 20,
                    MaximumBinCountPerFeature = 255, NumberOfThreads = threads, Seed = 0,
                }))
                : prepare.Append(ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
                {
                    NumberOfTrees = trees, NumberOfLeaves = leaves, LearningRate = 0.1, MinimumExampleCountPerLeaf = 20,
                    MaximumBinCountPerFeature = 255, NumberOfThreads = threads, Seed = 0,
                }));
        }
        var head = Enumerable.Range(0, Math.Min(frame.RowCount, 50_000)).ToArray();
        Pipeline(2).Fit(frame.Take(head.AsSpan(0, Math.Min(head.Length, 20_000))).ToDataView());
        var watch = Stopwatch.StartNew();
        var model = Pipeline(rounds).Fit(frame.ToDataView());
        var seconds = watch.Elapsed.TotalSeconds;
        var predicted = model.Transform(frame.Take(head).ToDataView()).GetColumn<bool>("PredictedLabel").ToArray();
        var accuracy = predicted.Select((p, r) => (p ? 1f : 0f) == labels[r]).Count(ok => ok) / (double)predicted.Length;
        return (seconds, accuracy);
    }
}
