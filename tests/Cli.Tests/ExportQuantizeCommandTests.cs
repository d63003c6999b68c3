using Pipelines.IO;
using Pipelines.Persistence;
using Pipelines.Trainers.Mlp;

namespace Pipelines.Cli.Tests;

/// <summary>`pipelines export --quantize`: an MLP fitted here on breast_cancer, exported fp32 and quantized.</summary>
[TestClass]
public sealed class ExportQuantizeCommandTests
{
    private static string _folder = "";
    private static string _pipeline = "";

    [ClassInitialize]
    public static void FitAndSave(TestContext context)
    {
        _ = context;
        _folder = Directory.CreateTempSubdirectory("cli-quantize-").FullName;
        var data = CsvReader.Read(RepoPaths.Data("breast_cancer.csv"), new CsvOptions { Label = "diagnosis" });
        var model = new MlpClassifier { HiddenSizes = [64, 64], Epochs = 20, Seed = 3 }.Fit(data);
        _pipeline = Path.Combine(_folder, "cancer.pipeline");
        PipelineFile.Save(_pipeline, model, data.Schema);
    }

    [ClassCleanup]
    public static void Cleanup() => Directory.Delete(_folder, recursive: true);

    [TestMethod]
    public void Int8ModelIsSmallerAndPredictsLikeTheFloatModel()
    {
        var fp32 = Export("fp32.onnx");
        var int8 = Export("int8.onnx", "--quantize", "int8");
        Assert.IsTrue(new FileInfo(int8).Length < 0.5 * new FileInfo(fp32).Length, "int8 weights take a quarter of the space");
        var expected = Predict(fp32);
        var actual = Predict(int8);
        var agree = expected.Zip(actual).Count(p => p.First == p.Second);
        Assert.IsTrue(agree >= 0.97 * expected.Length, $"{agree} of {expected.Length} labels agree");
    }

    [TestMethod]
    public void QdqNeedsCalibrationRows()
    {
        var run = CliRun.Of("export", _pipeline, "--out", Path.Combine(_folder, "qdq.onnx"), "--quantize", "qdq");
        Assert.AreEqual(2, run.ExitCode);
        StringAssert.Contains(run.Error, "--calibration");
        Assert.IsFalse(File.Exists(Path.Combine(_folder, "qdq.onnx")), "nothing is written on error");

        var calibrated = Export("qdq-calibrated.onnx", "--quantize", "qdq", "--calibration", RepoPaths.Data("breast_cancer.csv"));
        Assert.IsTrue(new FileInfo(calibrated).Length > 0);
    }

    [TestMethod]
    public void UnknownModeIsAUsageError()
    {
        var run = CliRun.Of("export", _pipeline, "--out", Path.Combine(_folder, "x.onnx"), "--quantize", "int4");
        Assert.AreEqual(2, run.ExitCode);
        StringAssert.Contains(run.Error, "int4");
    }

    private static string Export(string name, params string[] options)
    {
        var path = Path.Combine(_folder, name);
        var run = CliRun.Of(["export", _pipeline, "--out", path, .. options]);
        Assert.AreEqual(0, run.ExitCode, run.Error);
        return path;
    }

    private static string[] Predict(string model)
    {
        var output = Path.Combine(_folder, Path.GetFileNameWithoutExtension(model) + "-predictions.csv");
        var run = CliRun.Of("predict", model, RepoPaths.Data("breast_cancer.csv"), "--out", output, "--label", "diagnosis");
        Assert.AreEqual(0, run.ExitCode, run.Error);
        return [.. File.ReadLines(output).Skip(1).Select(line => line.Split(',')[0])];
    }
}
