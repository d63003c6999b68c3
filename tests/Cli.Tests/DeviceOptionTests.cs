using Pipelines.Data;
using Pipelines.Export.Onnx;
using Pipelines.Export.Serving;
using Pipelines.IO;
using Pipelines.Persistence;
using Pipelines.Trainers.LinearModels;

namespace Pipelines.Cli.Tests;

/// <summary>
/// `--device` on `pipelines predict` and `pipelines automl`: a device that cannot be used ends the command with one
/// `error:` line naming what is missing (exit 2) before anything is written; on this machine's CPU build that is the
/// build itself.
/// </summary>
[TestClass]
public sealed class DeviceOptionTests
{
    private static string _folder = "";
    private static string _onnx = "";
    private static string _pipeline = "";

    [ClassInitialize]
    public static void Export(TestContext context)
    {
        _ = context;
        _folder = Directory.CreateTempSubdirectory("cli-device-").FullName;
        var iris = LabelTask.WithClassLabel(CsvReader.Read(RepoPaths.Data("iris.csv"), new CsvOptions { Label = "species" }));
        var fitted = new SoftmaxRegression().Fit(iris);
        _onnx = Path.Combine(_folder, "iris.onnx");
        _pipeline = Path.Combine(_folder, "iris.pipeline");
        OnnxModel.Save(OnnxExporter.Export(fitted, iris), _onnx);
        PipelineFile.Save(_pipeline, fitted, iris.Schema);
    }

    [ClassCleanup]
    public static void Cleanup() => Directory.Delete(_folder, recursive: true);

    [TestMethod]
    public void Predict_on_the_cpu_device_writes_predictions()
    {
        var output = Path.Combine(_folder, "cpu.csv");
        var run = CliRun.Of("predict", _onnx, RepoPaths.Data("iris.csv"), "--out", output, "--label", "species", "--device", "cpu");
        Assert.AreEqual(CliApp.Ok, run.ExitCode, run.Error);
        Assert.AreEqual(150, CsvReader.Read(output).RowCount);
    }

    [TestMethod]
    [DataRow("cuda")]
    [DataRow("cuda:3")]
    public void Predict_on_an_unusable_CUDA_device_is_one_line_naming_what_is_missing(string device)
    {
        var parsed = OnnxDevice.Parse(device);
        var reason = OnnxSessions.WhyUnusable(parsed);
        if (reason is null) Assert.Inconclusive($"{parsed} is usable here, so there is no error to show.");
        var output = Path.Combine(_folder, $"{Guid.NewGuid():N}.csv");
        var run = CliRun.Of("predict", _onnx, RepoPaths.Data("iris.csv"), "--out", output, "--device", device);
        AssertOneErrorLine(run, $"error: cannot run on {parsed}: {reason} (see docs/onnxruntime.md)");
        Assert.IsFalse(File.Exists(output));
    }

    [TestMethod]
    public void The_CPU_build_says_to_rebuild_with_the_switch()
    {
        if (Microsoft.ML.OnnxRuntime.OrtEnv.Instance().GetAvailableProviders().Contains("CUDAExecutionProvider"))
            Assert.Inconclusive("This is the CUDA build (-p:OnnxRuntimeGpu=true).");
        var run = CliRun.Of("predict", _onnx, RepoPaths.Data("iris.csv"), "--out", Path.Combine(_folder, "x.csv"), "--device", "cuda:0");
        AssertOneErrorLine(run, "error: cannot run on cuda:0: this build has the CPU ONNX Runtime; rebuild with -p:OnnxRuntimeGpu=true (see docs/onnxruntime.md)");
    }

    [TestMethod]
    public void Automl_on_an_unusable_CUDA_device_stops_before_the_search()
    {
        var reason = OnnxSessions.WhyUnusable(OnnxDevice.Cuda(0));
        if (reason is null) Assert.Inconclusive("cuda:0 is usable here, so there is no error to show.");
        var folder = Path.Combine(_folder, "automl-" + Guid.NewGuid().ToString("N"));
        var run = CliRun.Of("automl", RepoPaths.Data("iris.csv"), "--label", "species", "--trials", "3", "--out", folder, "--device", "cuda");
        AssertOneErrorLine(run, $"error: cannot run on cuda:0: {reason} (see docs/onnxruntime.md)");
        Assert.DoesNotContain("trial", run.Output, "no trial ran");
        Assert.IsFalse(Directory.Exists(folder), "nothing was written");
    }

    [TestMethod]
    [DataRow("predict")]
    [DataRow("automl")]
    public void A_device_that_is_not_one_is_one_line_listing_the_forms(string command)
    {
        var run = command == "predict"
            ? CliRun.Of("predict", _onnx, RepoPaths.Data("iris.csv"), "--out", Path.Combine(_folder, "y.csv"), "--device", "gpu")
            : CliRun.Of("automl", RepoPaths.Data("iris.csv"), "--label", "species", "--out", Path.Combine(_folder, "z"), "--device", "gpu");
        AssertOneErrorLine(run, "error: --device: 'gpu' is not a device: use cpu, cuda or cuda:N (N the CUDA device number, from 0).");
    }

    [TestMethod]
    public void A_pipeline_file_runs_in_process_so_a_CUDA_device_is_refused()
    {
        var run = CliRun.Of("predict", _pipeline, RepoPaths.Data("iris.csv"), "--out", Path.Combine(_folder, "p.csv"), "--device", "cuda");
        Assert.AreEqual(CliApp.BadInput, run.ExitCode, run.Error);
        StringAssert.StartsWith(run.Error, "error: iris.pipeline is a pipeline file, which runs in process on the CPU; cuda:0 applies to ONNX models only.");

        var cpu = CliRun.Of("predict", _pipeline, RepoPaths.Data("iris.csv"), "--out", Path.Combine(_folder, "p.csv"), "--device", "cpu");
        Assert.AreEqual(CliApp.Ok, cpu.ExitCode, cpu.Error);
    }

    private static void AssertOneErrorLine(CliRun run, string expected)
    {
        Assert.AreEqual(CliApp.BadInput, run.ExitCode, run.Output + run.Error);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(1, lines, run.Error);
        Assert.AreEqual(expected, lines[0].TrimEnd('\r'));
    }
}
