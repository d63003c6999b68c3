using System.Text.Json.Nodes;

namespace Pipelines.Cli.Tests;

[TestClass]
public sealed class AutoMLCommandTests
{
    public TestContext TestContext { get; set; } = null!;

    private string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"automl-cli-{Guid.NewGuid():N}");
        TestContext.WriteLine(folder);
        return folder;
    }

    [TestMethod]
    [TestCategory("EndToEnd")]
    public void A_short_run_writes_every_output_and_a_rerun_resumes_from_the_store()
    {
        var folder = NewFolder();
        try
        {
            var run = CliRun.Of("automl", RepoPaths.Data("iris.csv"), "--label", "species", "--trials", "6", "--out", folder, "--mlnet-model", "iris.mlnet.zip");
            Assert.AreEqual(CliApp.Ok, run.ExitCode, run.Error + run.Output);
            foreach (var name in new[] { "model.onnx", "iris.mlnet.zip", "pipeline", "leaderboard.csv", "trials.db", "metrics.json" })
                Assert.IsTrue(File.Exists(Path.Combine(folder, name)), $"{name} is missing; output: {run.Output}");
            Assert.IsFalse(Directory.Exists(Path.Combine(folder, ".staging")));
            var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "metrics.json")))!;
            Assert.AreEqual(6, (int)metrics["search"]!["trials"]!);
            Assert.AreEqual(1.0, (double)metrics["models"]!["model.onnx"]!["parity_label_agreement"]!);
            Assert.AreEqual("cpu", (string?)metrics["models"]!["model.onnx"]!["ort_device"]);
            Assert.IsGreaterThan(0.85, (double)metrics["models"]!["model.onnx"]!["test"]!["accuracy"]!);

            var more = CliRun.Of("automl", RepoPaths.Data("iris.csv"), "--label", "species", "--trials", "9", "--out", folder, "--mlnet-model", "none");
            Assert.AreEqual(CliApp.Ok, more.ExitCode, more.Error + more.Output);
            Assert.DoesNotContain(".zip", more.Output.Split('\n').Single(l => l.StartsWith("Wrote ", StringComparison.Ordinal)), "--mlnet-model none writes no ML.NET model");
            var trialLines = more.Output.Split('\n').Count(l => l.Contains("] trial ", StringComparison.Ordinal));
            Assert.AreEqual(3, trialLines, "the 6 stored trials are replayed; only 3 new ones run\n" + more.Output);
            Assert.AreEqual(9, File.ReadAllLines(Path.Combine(folder, "leaderboard.csv")).Length - 1);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void Bad_input_ends_with_one_error_line_exit_2_and_no_outputs()
    {
        var folder = NewFolder();
        var oneClass = Path.Combine(Path.GetTempPath(), $"one-class-{Guid.NewGuid():N}.csv");
        var binary = Path.Combine(Path.GetTempPath(), $"binary-{Guid.NewGuid():N}.csv");
        File.WriteAllText(oneClass, "x,y\n1,a\n2,a\n3,a\n");
        File.WriteAllBytes(binary, [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0, 0xFF, 0xFE, 0, 1, 2, 3]);
        var blocker = Path.Combine(Path.GetTempPath(), $"blocker-{Guid.NewGuid():N}");
        File.WriteAllText(blocker, "a file where the output folder should be");
        try
        {
            string[][] cases =
            [
                ["automl", RepoPaths.Data("no-such-file.csv"), "--label", "species", "--out", folder],
                ["automl", RepoPaths.Data("iris.csv"), "--label", "colour", "--out", folder],
                ["automl", oneClass, "--label", "y", "--out", folder],
                ["automl", binary, "--label", "y", "--out", folder],
                ["automl", RepoPaths.Data("iris.csv"), "--label", "species", "--out", Path.Combine(blocker, "out")],
                ["automl", RepoPaths.Data("iris.csv"), "--label", "species", "--metric", "rmse", "--out", folder],
                ["automl", RepoPaths.Data("iris.csv"), "--label", "species", "--threshold", "0.3", "--out", folder],
                ["automl", RepoPaths.Data("iris.csv"), "--label", "species", "--threshold", "high", "--out", folder],
                ["automl", RepoPaths.Data("iris.csv"), "--label", "species", "--cost-matrix", RepoPaths.Data("no-costs.csv"), "--out", folder],
                ["automl", RepoPaths.Data("iris.csv"), "--label", "species", "--mlnet-model", "../model.zip", "--out", folder],
                ["automl", RepoPaths.Data("iris.csv"), "--label", "species", "--mlnet-model", "model.onnx", "--out", folder],
            ];
            foreach (var args in cases)
            {
                var run = CliRun.Of(args);
                var context = string.Join(' ', args) + "\n" + run.Error;
                Assert.AreEqual(CliApp.BadInput, run.ExitCode, context);
                var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                Assert.HasCount(1, lines, context);
                Assert.StartsWith("error: ", lines[0], context);
                Assert.IsFalse(File.Exists(Path.Combine(folder, "metrics.json")), context);
            }
        }
        finally
        {
            File.Delete(oneClass);
            File.Delete(binary);
            File.Delete(blocker);
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}

[TestClass]
public sealed class SweepCommandTests
{
    [TestMethod]
    public void A_grid_sweep_runs_every_point_into_the_store_and_saves_the_best()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"sweep-cli-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var space = Path.Combine(folder, "space.json");
            File.WriteAllText(space, """{"l2": {"float": [0.001, 1], "log": true}, "scaling": {"choice": ["none", "zscore"]}}""");
            var store = Path.Combine(folder, "sweep.db");
            var best = Path.Combine(folder, "best.pipeline");
            var run = CliRun.Of("sweep", space, "--data", RepoPaths.Data("iris.csv"), "--label", "species", "--learner", "linear",
                "--tuner", "grid", "--grid-points", "3", "--trials", "100", "--storage", "sqlite:" + store, "--folds", "3", "--out", best);
            Assert.AreEqual(CliApp.Ok, run.ExitCode, run.Error + run.Output);
            Assert.Contains("6 succeeded, 0 failed", run.Output, "3 values of l2 × 2 scalings");
            Assert.IsTrue(File.Exists(best));

            var wrong = Path.Combine(folder, "wrong.json");
            File.WriteAllText(wrong, """{"depth": {"int": [1, 3]}}""");
            var unknown = CliRun.Of("sweep", wrong, "--data", RepoPaths.Data("iris.csv"), "--label", "species", "--learner", "linear",
                "--trials", "2", "--storage", "sqlite:" + store, "--study", "other");
            Assert.AreEqual(CliApp.BadInput, unknown.ExitCode);
            Assert.Contains("Learner 'linear' has no hyperparameter 'depth'", unknown.Error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

[TestClass]
public sealed class MainCommandTests
{
    /// <summary>The README's main command, as a fresh clone runs it: default budget on the messy, imbalanced set.</summary>
    [TestMethod]
    [TestCategory("EndToEnd")]
    public void The_main_command_writes_every_output_and_the_int8_student_stays_within_2_points()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"automl-main-{Guid.NewGuid():N}");
        try
        {
            var run = CliRun.Of("automl", RepoPaths.Data("messy_churn.csv"), "--label", "churned", "--out", folder);
            Assert.AreEqual(CliApp.Ok, run.ExitCode, run.Error + run.Output);
            foreach (var name in new[] { "model.onnx", "student.int8.onnx", "pipeline", "leaderboard.csv", "trials.db", "metrics.json", "report.html" })
                Assert.IsTrue(File.Exists(Path.Combine(folder, name)), $"{name} is missing");
            var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "metrics.json")))!;
            var best = (double)metrics["models"]!["model.onnx"]!["test"]!["accuracy"]!;
            var student = (double)metrics["models"]!["student.int8.onnx"]!["test"]!["accuracy"]!;
            Console.WriteLine($"test accuracy: model.onnx {best:0.0000}, student.int8.onnx {student:0.0000}");
            Assert.IsLessThanOrEqualTo(0.02, Math.Abs(best - student), $"model {best}, int8 student {student}");
            Assert.AreEqual(1.0, (double)metrics["models"]!["model.onnx"]!["parity_label_agreement"]!);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
