using Pipelines.Data;
using Pipelines.IO;
using Pipelines.Trainers.Mlp;

namespace Pipelines.Export.Tests.Onnx;

/// <summary>Shipped data sets (data/ at the repository root) and small seeded MLPs fitted on them, cached per test run.</summary>
internal static class MlpTestData
{
    private static readonly Lazy<string> DataDirectory = new(FindDataDirectory);
    private static readonly Dictionary<string, DataFrame> Frames = [];
    private static readonly Dictionary<string, MlpModel> Models = [];
    private static readonly Lock Gate = new();

    /// <summary>data/<paramref name="file"/> with <paramref name="label"/> as a class label (whole numbers become categories).</summary>
    public static DataFrame Read(string file, string label)
    {
        lock (Gate)
        {
            var key = file + "|" + label;
            if (!Frames.TryGetValue(key, out var frame))
            {
                frame = LabelTask.WithClassLabel(CsvReader.Read(Path.Combine(DataDirectory.Value, file)).WithLabel(label));
                Frames[key] = frame;
            }
            return frame;
        }
    }

    /// <summary>A small MLP classifier (hidden [16, 16], <paramref name="activation"/>, seed 0, 30 epochs) fitted on all of <paramref name="data"/>.</summary>
    public static MlpModel Classifier(string key, DataFrame data, MlpActivation activation = MlpActivation.Relu, bool batchNorm = false)
    {
        lock (Gate)
        {
            var name = $"{key}|{activation}|{batchNorm}";
            if (!Models.TryGetValue(name, out var model))
            {
                model = new MlpClassifier { HiddenSizes = [16, 16], Activation = activation, BatchNorm = batchNorm, Epochs = 30, Seed = 0 }.Fit(data);
                Models[name] = model;
            }
            return model;
        }
    }

    private static string FindDataDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipelines.sln"))) return Path.Combine(dir.FullName, "data");
        }
        throw new DirectoryNotFoundException($"No Pipelines.sln above {AppContext.BaseDirectory}, so data/ cannot be found.");
    }
}
