using System.IO.Compression;
using System.Text;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Persistence;
using Pipelines.Transforms.Normalization;

namespace Pipelines.Tests.Persistence;

[TestClass]
public sealed class PipelineFileTests
{
    private string _folder = null!;

    [TestInitialize]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("pipeline-file-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private static DataFrame Frame() => new([new NumericColumn("a", [1, 2, float.NaN, 4])]);

    private string SaveChain()
    {
        var path = Path.Combine(_folder, "model.pipeline");
        var model = new ZScoreNormalize().Append(new ZScoreNormalize()).Fit(Frame());
        PipelineFile.Save(path, model, Frame().Schema, "two scalers");
        return path;
    }

    [TestMethod]
    public void ChainRoundTripsWithDescriptionAndSchema()
    {
        var loaded = PipelineFile.Load(SaveChain());
        Assert.IsInstanceOfType<TransformerChain>(loaded.Model);
        Assert.AreEqual("two scalers", loaded.Description);
        Assert.AreEqual(Frame().Schema, loaded.InputSchema);
        StringAssert.StartsWith(loaded.Producer, "Pipelines ");
        Assert.IsTrue(float.IsNaN(loaded.Model.Transform(Frame()).Numeric("a")[2]));
    }

    [TestMethod]
    public void The_training_rows_categories_round_trip_with_the_schema_and_compare_by_value()
    {
        // A category no row holds (left by a filter) is not one the rows held.
        var training = new DataFrame([new NumericColumn("a", [1, 2, 3]), new CategoricalColumn("plan", [0, CategoricalColumn.Missing, 1], ["pro", "basic", "gone"])]);
        var schema = training.Schema.WithCategoriesOf(training);
        var plan = schema[1];
        CollectionAssert.AreEqual(new[] { "pro", "basic" }, plan.Categories!.ToArray());
        Assert.IsNull(schema[0].Categories);
        Assert.AreEqual(plan, plan with { Categories = ["pro", "basic"] }, "equal lists are equal categories");
        Assert.AreNotEqual(plan, plan with { Categories = ["basic", "pro"] });
        Assert.AreNotEqual(plan, plan with { Categories = null });

        var path = Path.Combine(_folder, "model.pipeline");
        PipelineFile.Save(path, new ZScoreNormalize().Fit(training), schema);
        Assert.AreEqual(schema, PipelineFile.Load(path).InputSchema);
    }

    [TestMethod]
    public void SavingLeavesNoTemporaryFiles()
    {
        SaveChain();
        CollectionAssert.AreEqual(new[] { "model.pipeline" }, Directory.GetFiles(_folder).Select(Path.GetFileName).ToArray());
    }

    [TestMethod]
    public void TruncatedFileIsACorruptionError()
    {
        var path = SaveChain();
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var error = Assert.ThrowsExactly<ModelFormatException>(() => PipelineFile.Load(path));
        StringAssert.Contains(error.Message, "corrupted");
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(4)]
    [DataRow(8)]
    public void FileCutInsideTheGzipTrailerIsACorruptionError(int cut)
    {
        // The JSON is whole without the trailer's 8 bytes (CRC and length), so only the trailer check sees the cut.
        var path = SaveChain();
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^cut]);
        var error = Assert.ThrowsExactly<ModelFormatException>(() => PipelineFile.Load(path));
        StringAssert.Contains(error.Message, "corrupted or truncated");
        StringAssert.Contains(error.Message, path);
    }

    [TestMethod]
    public void FlippedByteIsACorruptionError()
    {
        var path = SaveChain();
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x5a;
        File.WriteAllBytes(path, bytes);
        Assert.ThrowsExactly<ModelFormatException>(() => PipelineFile.Load(path));
    }

    [TestMethod]
    public void PlainTextFileIsNotAPipelineFile()
    {
        var path = Path.Combine(_folder, "data.csv");
        File.WriteAllText(path, "a,b\n1,2\n");
        var error = Assert.ThrowsExactly<ModelFormatException>(() => PipelineFile.Load(path));
        StringAssert.Contains(error.Message, "not a pipeline file");
    }

    [TestMethod]
    public void NewerFormatVersionSaysToUpgrade()
    {
        var path = Rewrite(SaveChain(), json => json.Replace("\"formatVersion\":1", "\"formatVersion\":99", StringComparison.Ordinal));
        var error = Assert.ThrowsExactly<ModelFormatException>(() => PipelineFile.Load(path));
        StringAssert.Contains(error.Message, "version 99");
        StringAssert.Contains(error.Message, "Upgrade");
    }

    [TestMethod]
    public void UnknownComponentNameIsRefusedNotInstantiated()
    {
        var path = Rewrite(SaveChain(), json => json.Replace("\"affine-normalizer\"", "\"System.Diagnostics.Process\"", StringComparison.Ordinal));
        var error = Assert.ThrowsExactly<ModelFormatException>(() => PipelineFile.Load(path));
        StringAssert.Contains(error.Message, "does not know");
    }

    [TestMethod]
    public void StateAComponentRefusesIsAFormatError()
    {
        // Offsets one longer than the columns: the normalizer's constructor refuses it.
        var path = Rewrite(SaveChain(), json => json.Replace("\"offsets\":[", "\"offsets\":[1,", StringComparison.Ordinal));
        var error = Assert.ThrowsExactly<ModelFormatException>(() => PipelineFile.Load(path));
        StringAssert.Contains(error.Message, "invalid model state");
    }

    [TestMethod]
    public void MissingFileSaysSo()
    {
        var error = Assert.ThrowsExactly<PipelineException>(() => PipelineFile.Load(Path.Combine(_folder, "nope.pipeline")));
        StringAssert.Contains(error.Message, "no such pipeline file");
    }

    private static string Rewrite(string path, Func<string, string> edit)
    {
        string json;
        using (var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress))
        using (var reader = new StreamReader(gzip, Encoding.UTF8))
        {
            json = reader.ReadToEnd();
        }
        var edited = edit(json);
        Assert.AreNotEqual(json, edited, "the edit should change the file");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(edited));
        }
        return path;
    }
}
