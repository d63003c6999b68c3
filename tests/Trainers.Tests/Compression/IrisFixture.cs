using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.IO;
using Pipelines.Trainers.Mlp;
using Pipelines.Trainers.Tests.Mlp;

namespace Pipelines.Trainers.Tests.Compression;

/// <summary>iris split 70/30 (seed 11) and a small MLP fitted on it once, shared by the compression and fine-tuning tests.</summary>
internal static class IrisFixture
{
    private static readonly Lazy<(DataFrame Train, DataFrame Test, MlpModel Model)> Value = new(() =>
    {
        var data = CsvReader.Read(RepoData.Path("iris.csv"), new CsvOptions { Label = "species" });
        var fold = Split.TrainTest(data, 0.3, seed: 11);
        var train = data.Take(fold.Train);
        var model = new MlpClassifier { HiddenSizes = [16, 8], LearningRate = 0.01f, Epochs = 80, BatchSize = 16, EarlyStoppingPatience = 0, Seed = 2 }.Fit(train);
        return (train, data.Take(fold.Test), model);
    });

    public static DataFrame Train => Value.Value.Train;
    public static DataFrame Test => Value.Value.Test;
    public static MlpModel Model => Value.Value.Model;
}
