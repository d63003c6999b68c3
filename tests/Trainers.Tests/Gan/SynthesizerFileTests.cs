using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Persistence;
using Pipelines.Trainers.Gan;
using Pipelines.Trainers.Gan.Training;
using Pipelines.Trainers.Neural;
using Pipelines.Transforms.Cleaning;

namespace Pipelines.Trainers.Tests.Gan;

[TestClass]
public sealed class SynthesizerFileTests
{
    private static readonly GanOptions Tiny = new()
    {
        Epochs = 2, BatchSize = 40, NoiseDim = 8, GeneratorDims = [16, 12], CriticDims = [16], GeneratorLearningRate = 2e-3f, CriticLearningRate = 2e-3f, Seed = 3,
    };

    private static readonly Lazy<DataFrame> Table = new(() =>
    {
        // Numeric with NaN, whole numbers, categorical with missing values, a label and a weight column.
        var frame = TransformerTests.Bimodal(80, 31, missing: true);
        var weights = Enumerable.Range(0, frame.RowCount).Select(i => 0.5f + i % 3).ToArray();
        return new DataFrame([.. frame.Columns, new NumericColumn("w", weights)], label: "y", weight: "w");
    });

    private static readonly Lazy<SynthesizerModel> Trained = new(() => new TabularSynthesizer { Gan = Tiny }.Fit(Table.Value));

    private string folder = "";

    [TestInitialize]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("synthesizer-file-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    private string PathOf(string name) => Path.Combine(folder, name);

    private string SavedModel()
    {
        var path = PathOf("model.synth");
        Trained.Value.Save(path);
        return path;
    }

    [TestMethod]
    public void ALoadedModelSamplesTheSameRows()
    {
        var model = Trained.Value;
        var loaded = SynthesizerModel.Load(SavedModel());
        var expected = model.Sample(300, seed: 9);
        Assert.AreEqual(Table.Value.Schema, expected.Schema);
        Assert.IsTrue(expected.ContentEquals(loaded.Sample(300, seed: 9)), "same seed, same rows");
        Assert.IsTrue(expected.Numeric("x").Values.ToArray().Any(float.IsNaN) && expected.Categorical("color").MissingCount() > 0, "missing values are generated");
        var options = model.Model.Options;
        Assert.AreEqual(options, loaded.Model.Options with { GeneratorDims = options.GeneratorDims, CriticDims = options.CriticDims });
        CollectionAssert.AreEqual(options.GeneratorDims.ToArray(), loaded.Model.Options.GeneratorDims.ToArray());
        CollectionAssert.AreEqual(options.CriticDims.ToArray(), loaded.Model.Options.CriticDims.ToArray());
        var before = model.Model.Generator.StateDict().Entries;
        var after = loaded.Model.Generator.StateDict().Entries;
        CollectionAssert.AreEqual(before.Select(e => e.Name).ToArray(), after.Select(e => e.Name).ToArray());
        for (var i = 0; i < before.Count; i++)
            CollectionAssert.AreEqual(before[i].Values.Select(BitConverter.SingleToInt32Bits).ToArray(), after[i].Values.Select(BitConverter.SingleToInt32Bits).ToArray(), before[i].Name);
        Assert.IsTrue(before.Single(e => e.Name == "0.bn.running_mean").Values.Any(v => v != 0), "running statistics were trained, so the test covers them");
        Assert.IsFalse(loaded.Model.Generator.Training, "the loaded generator is in evaluation mode");
        var again = PathOf("again.synth");
        loaded.Save(again);
        Assert.IsTrue(expected.ContentEquals(SynthesizerModel.Load(again).Sample(300, seed: 9)), "a loaded model saves and loads again");
    }

    [TestMethod]
    public void ConditionedSamplingIsTheSameAfterReload()
    {
        var model = Trained.Value.Model;
        var loaded = SynthesizerModel.Load(SavedModel()).Model;
        Assert.AreEqual(model.Transformer.Discrete.Count, loaded.Transformer.Discrete.Count);
        for (var d = 0; d < model.Transformer.Discrete.Count; d++)
        {
            CollectionAssert.AreEqual(model.Sampler.LogFrequencyProbabilities(d), loaded.Sampler.LogFrequencyProbabilities(d));
            for (var slot = 0; slot < model.Transformer.Discrete[d].Span.Width; slot++)
            {
                var expected = model.SampleConditioned(40, d, slot, new Generator(d * 10 + slot));
                Assert.IsTrue(expected.ContentEquals(loaded.SampleConditioned(40, d, slot, new Generator(d * 10 + slot))), $"column {d}, slot {slot}");
            }
        }
        Assert.ThrowsExactly<InvalidOperationException>(() => loaded.Sampler.SampleForTraining(4, new Generator(1)));
    }

    [TestMethod]
    public void TheJsonOptionsKeepEveryFloatBitForBit()
    {
        float[] floats = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0f, float.Epsilon, float.MaxValue, float.MinValue, 0.1f, 1f / 3, 2e-4f, 16777217f];
        double[] doubles = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0d, double.Epsilon, double.MaxValue, 0.1, 1d / 3, Math.PI];
        var floatsBack = JsonSerializer.Deserialize<float[]>(JsonSerializer.Serialize(floats, PipelineFile.JsonOptions), PipelineFile.JsonOptions)!;
        var doublesBack = JsonSerializer.Deserialize<double[]>(JsonSerializer.Serialize(doubles, PipelineFile.JsonOptions), PipelineFile.JsonOptions)!;
        CollectionAssert.AreEqual(floats.Select(BitConverter.SingleToInt32Bits).ToArray(), floatsBack.Select(BitConverter.SingleToInt32Bits).ToArray());
        CollectionAssert.AreEqual(doubles.Select(BitConverter.DoubleToInt64Bits).ToArray(), doublesBack.Select(BitConverter.DoubleToInt64Bits).ToArray());
    }

    [TestMethod]
    public void TheFileHasTheFormatHeader()
    {
        var json = JsonNode.Parse(Decompress(SavedModel()))!.AsObject();
        Assert.AreEqual(SynthesizerFile.FormatName, (string?)json["format"]);
        Assert.AreEqual(SynthesizerFile.FormatVersion, (int?)json["formatVersion"]);
        Assert.AreEqual(PipelineFile.Producer, (string?)json["producer"]);
        Assert.IsNotNull(json["createdUtc"]);
        var roles = json["columns"]!.AsArray().ToDictionary(c => (string)c!["name"]!, c => (string)c!["role"]!);
        Assert.AreEqual("Label", roles["y"]);
        Assert.AreEqual("Weight", roles["w"]);
        Assert.AreEqual("Feature", roles["x"]);
    }

    [TestMethod]
    public void SavingOverAFileReplacesItAndLeavesNoTemporary()
    {
        var path = SavedModel();
        var other = new TabularSynthesizer { Gan = Tiny with { Seed = 4, Epochs = 1 } }.Fit(Table.Value);
        other.Save(path);
        Assert.IsTrue(other.Sample(100, seed: 1).ContentEquals(SynthesizerModel.Load(path).Sample(100, seed: 1)), "the second model replaced the first");
        Assert.IsFalse(Trained.Value.Sample(100, seed: 1).ContentEquals(SynthesizerModel.Load(path).Sample(100, seed: 1)));
        CollectionAssert.AreEqual(new[] { "model.synth" }, Directory.GetFiles(folder).Select(Path.GetFileName).ToArray());
    }

    [TestMethod]
    public void AMissingFileIsAClearError()
    {
        var path = PathOf("absent.synth");
        var error = Assert.ThrowsExactly<PipelineException>(() => SynthesizerModel.Load(path));
        StringAssert.Contains(error.Message, path);
        StringAssert.Contains(error.Message, "no such synthesizer file");
    }

    [TestMethod]
    public void AFileThatIsNotGzipIsAClearError()
    {
        var path = PathOf("table.csv");
        File.WriteAllText(path, "x,y\n1,a\n");
        AssertFormatError(path, "not gzip-compressed");
        File.WriteAllBytes(path, []);
        AssertFormatError(path, "not gzip-compressed");
    }

    [TestMethod]
    public void APipelineFileIsNamedAsOne()
    {
        var path = PathOf("model.plm");
        PipelineFile.Save(path, new ColumnDropper([]), Table.Value.Schema);
        AssertFormatError(path, "is a pipeline file", "not a synthesizer");
    }

    [TestMethod]
    public void AnotherGzipIsNotASynthesizerFile()
    {
        var path = PathOf("other.gz");
        Compress(path, """{"hello": 1}""");
        AssertFormatError(path, "not a synthesizer file");
        Compress(path, "[1, 2, 3]");
        AssertFormatError(path, "not a synthesizer file");
        Compress(path, "plain text, not JSON");
        AssertFormatError(path, "corrupted");
    }

    [TestMethod]
    public void ATruncatedOrCorruptedFileIsAClearError()
    {
        var path = SavedModel();
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        AssertFormatError(path, "corrupted or truncated");
        File.WriteAllBytes(path, bytes[..^3]);
        AssertFormatError(path, "corrupted or truncated");
        var damaged = bytes.ToArray();
        for (var i = bytes.Length / 3; i < bytes.Length / 3 + 16; i++) damaged[i] ^= 0x5a;
        File.WriteAllBytes(path, damaged);
        AssertFormatError(path, "corrupted or truncated");
        damaged = bytes.ToArray();
        damaged[^8] ^= 1; // the checksum of intact data
        File.WriteAllBytes(path, damaged);
        AssertFormatError(path, "corrupted or truncated");
    }

    [TestMethod]
    public void ANewerFormatVersionAsksForAnUpgrade()
    {
        var path = SavedModel();
        Rewrite(path, json =>
        {
            // The header is read first, so members this version does not know do not hide the version.
            json["formatVersion"] = SynthesizerFile.FormatVersion + 1;
            json["futureMember"] = 1;
        });
        AssertFormatError(path, $"version {SynthesizerFile.FormatVersion + 1}", "Upgrade");
    }

    [TestMethod]
    public void WeightsOfTheWrongLengthOrShapeAreAClearError()
    {
        var path = SavedModel();
        Rewrite(path, json => json["generator"]![0]!["values"]!.AsArray().RemoveAt(0));
        AssertFormatError(path, "invalid state", "'0.fc.weight' has");

        path = SavedModel();
        Rewrite(path, json =>
        {
            // A consistent tensor of another shape: one input column fewer than the options and columns imply.
            var tensor = json["generator"]![0]!;
            var shape = tensor["shape"]!.AsArray();
            var (rows, cols) = ((int)shape[0]!, (int)shape[1]!);
            shape[1] = cols - 1;
            tensor["values"] = new JsonArray([.. Enumerable.Repeat(0, rows * (cols - 1)).Select(v => (JsonNode)v)]);
        });
        AssertFormatError(path, "invalid state", "shape");

        path = SavedModel();
        Rewrite(path, json => json["generator"]!.AsArray().RemoveAt(1));
        AssertFormatError(path, "invalid state", "tensors");
    }

    [TestMethod]
    public void MismatchedColumnsAndCountsAreAClearError()
    {
        var path = SavedModel();
        Rewrite(path, json => json["sampler"]!["slotCounts"]![0]!.AsArray().Add(5));
        AssertFormatError(path, "invalid state", "condition sampler");

        path = SavedModel();
        Rewrite(path, json => json["columns"]![0]!["numeric"]!["means"]!.AsArray().RemoveAt(0));
        AssertFormatError(path, "invalid state", "GaussianMixture1d");

        path = SavedModel();
        Rewrite(path, json => json["columns"]![1]!["name"] = "x");
        AssertFormatError(path, "invalid state", "'x'");

        path = SavedModel();
        Rewrite(path, json => json.Remove("options"));
        AssertFormatError(path, "corrupted");
    }

    private static void AssertFormatError(string path, params string[] phrases)
    {
        var error = Assert.ThrowsExactly<ModelFormatException>(() => SynthesizerModel.Load(path));
        StringAssert.Contains(error.Message, path);
        foreach (var phrase in phrases) StringAssert.Contains(error.Message, phrase);
    }

    private static string Decompress(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static void Compress(string path, string text)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(text));
    }

    private static void Rewrite(string path, Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(Decompress(path))!.AsObject();
        edit(json);
        Compress(path, json.ToJsonString());
    }
}
