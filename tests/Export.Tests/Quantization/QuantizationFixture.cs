using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.Export.Onnx;
using Pipelines.Export.Onnx.Proto;
using Pipelines.Export.Tests.Onnx;
using Pipelines.Trainers.Mlp;

namespace Pipelines.Export.Tests.Quantization;

/// <summary>A small MLP (hidden [16, 16]) fitted on a seeded 75% of breast_cancer, exported; the other 25% are the test rows.</summary>
internal static class QuantizationFixture
{
    private static readonly Lazy<(ModelProto Model, DataFrame Train, DataFrame Test)> Cached = new(Build);

    private static readonly Lazy<ModelProto> Wide = new(() =>
        OnnxExporter.Export(new MlpClassifier { HiddenSizes = [128, 128], Epochs = 2, Seed = 0 }.Fit(Train), Train));

    public static ModelProto Model => Cached.Value.Model.Clone();

    /// <summary>A [128, 128] MLP (two epochs: only its size matters) on the same training rows.</summary>
    public static ModelProto WideModel => Wide.Value.Clone();

    public static DataFrame Train => Cached.Value.Train;

    public static DataFrame Test => Cached.Value.Test;

    /// <summary>The probability output (float [N, K]) and label output of <paramref name="model"/> on <paramref name="rows"/>.</summary>
    public static (float[] Probabilities, string[] Labels) Run(ModelProto model, DataFrame rows)
    {
        var outputs = OrtOutput.Run(model, rows);
        return (outputs.Single(o => o.Data is float[]).Floats, outputs.Single(o => o.Data is string[]).Strings);
    }

    private static (ModelProto, DataFrame, DataFrame) Build()
    {
        var data = MlpTestData.Read("breast_cancer.csv", "diagnosis");
        var fold = Split.TrainTest(data, 0.25, seed: 7);
        var train = data.Take(fold.Train);
        var model = new MlpClassifier { HiddenSizes = [16, 16], Epochs = 30, Seed = 0 }.Fit(train);
        return (OnnxExporter.Export(model, train), train, data.Take(fold.Test));
    }
}
