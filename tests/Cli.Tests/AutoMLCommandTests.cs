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
            Assert.AreEqual(150, (int)metrics["models"]!["model.onnx"]!["fitted_on_rows"]!);
            var figure = metrics["figures"]![0]!;
            Assert.AreEqual("out_of_fold", (string)figure["rows"]!, "150 rows are too few to hold a test part out");
            Assert.IsGreaterThan(0.85, (double)figure["scores"]!["accuracy"]!);
            Assert.Contains("out of fold, 149 rows", run.Output, "the console says which rows the figure comes from");

            var more = CliRun.Of("automl", RepoPaths.Data("iris.csv"), "--label", "species", "--trials", "9", "--out", folder, "--mlnet-model", "none");
            Assert.AreEqual(CliApp.Ok, more.ExitCode, more.Error + more.Output);
            Assert.DoesNotContain(".zip", more.Output.Split('\n').Single(l => l.StartsWith("Wrote ", StringComparison.Ordinal)), "--mlnet-model none writes no ML.NET model");
            Assert.IsFalse(File.Exists(Path.Combine(folder, "iris.mlnet.zip")), "the earlier run's ML.NET model does not survive a run that writes none");
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
        var tests = BadTestFiles();
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
                .. tests.Select(t => (string[])["automl", RepoPaths.Data("iris.csv"), "--label", "species", "--test", t.Path, "--out", folder]),
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
                foreach (var test in tests.Where(t => args.Contains(t.Path))) Assert.Contains(test.Mentions, lines[0], context);
            }
        }
        finally
        {
            File.Delete(oneClass);
            File.Delete(binary);
            File.Delete(blocker);
            foreach (var test in tests) File.Delete(test.Path);
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Test files for iris that the job refuses, each with what its error names (file, line, column, value).</summary>
    private static (string Path, string Mentions)[] BadTestFiles()
    {
        var header = "sepal length (cm),sepal width (cm),petal length (cm),petal width (cm),species";
        (string Text, string Mentions)[] cases =
        [
            ("sepal length (cm),sepal width (cm),petal length (cm),species\n5.1,3.5,1.4,setosa\n", "column 'petal width (cm)'"),
            ($"{header}\n5.1,3.5,1.4,0.2,setosa\n4.9,three,1.4,0.2,setosa\n", ":3, column 'sepal width (cm)', value 'three'"),
            ($"{header}\n5.1,3.5,1.4,0.2,setosa\n4.9,3.0,1.4,0.2,rosa\n", ":3, column 'species', value 'rosa'"),
        ];
        var files = cases.Select(c => (Path: Path.Combine(Path.GetTempPath(), $"bad-test-{Guid.NewGuid():N}.csv"), c.Text, c.Mentions)).ToArray();
        foreach (var file in files) File.WriteAllText(file.Path, file.Text);
        return [.. files.Select(f => (f.Path, f.Mentions)), (Path.Combine(Path.GetTempPath(), $"no-such-test-{Guid.NewGuid():N}.csv"), "no such test file")];
    }

    [TestMethod]
    [TestCategory("EndToEnd")]
    public void A_refused_or_failed_run_leaves_the_earlier_runs_outputs_as_they_were()
    {
        var folder = NewFolder();
        var badTest = Path.Combine(Path.GetTempPath(), $"bad-test-{Guid.NewGuid():N}.csv");
        File.WriteAllText(badTest, "species\nsetosa\n");
        try
        {
            var first = CliRun.Of("automl", RepoPaths.Data("iris.csv"), "--label", "species", "--trials", "2", "--out", folder);
            Assert.AreEqual(CliApp.Ok, first.ExitCode, first.Error + first.Output);
            string[] outputs = ["model.onnx", "model.mlnet.zip", "pipeline", "leaderboard.csv", "metrics.json", "report.html"];
            var before = outputs.ToDictionary(n => n, n => File.ReadAllBytes(Path.Combine(folder, n)));

            string[][] runs =
            [
                ["automl", RepoPaths.Data("iris.csv"), "--label", "species", "--trials", "3", "--test", badTest, "--out", folder], // refused before any work
                ["automl", RepoPaths.Data("iris.csv"), "--label", "species", "--trials", "3", "--seed", "9", "--out", folder],     // the store refuses other settings
            ];
            foreach (var args in runs)
            {
                var run = CliRun.Of(args);
                Assert.AreEqual(CliApp.BadInput, run.ExitCode, string.Join(' ', args) + "\n" + run.Error + run.Output);
                foreach (var name in outputs)
                    CollectionAssert.AreEqual(before[name], File.ReadAllBytes(Path.Combine(folder, name)), $"{name} changed after: {string.Join(' ', args)}");
                Assert.IsFalse(Directory.Exists(Path.Combine(folder, ".staging")));
            }
        }
        finally
        {
            File.Delete(badTest);
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
    /// <summary>
    /// The README's main command as a fresh clone runs it (default budget on the messy, imbalanced set), with the last
    /// 600 rows given as a test file: the model and the student, when one is worth it, are measured on it, and the int8
    /// student stays within 2 points of the model.
    /// </summary>
    [TestMethod]
    [TestCategory("EndToEnd")]
    public void The_main_command_writes_every_output_and_the_int8_student_stays_within_2_points()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"automl-main-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var lines = File.ReadAllLines(RepoPaths.Data("messy_churn.csv"));
        var (data, test) = (Path.Combine(folder, "train.csv"), Path.Combine(folder, "test.csv"));
        File.WriteAllLines(data, lines[..^600]);
        File.WriteAllLines(test, [lines[0], .. lines[^600..]]);
        var output = Path.Combine(folder, "out");
        try
        {
            var run = CliRun.Of("automl", data, "--label", "churned", "--test", test, "--out", output);
            Assert.AreEqual(CliApp.Ok, run.ExitCode, run.Error + run.Output);
            foreach (var name in new[] { "model.onnx", "model.mlnet.zip", "pipeline", "leaderboard.csv", "trials.db", "metrics.json", "report.html" })
                Assert.IsTrue(File.Exists(Path.Combine(output, name)), $"{name} is missing");
            var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "metrics.json")))!;
            var figures = metrics["figures"]!.AsArray();
            double Accuracy(string model) => (double)figures.Single(f => (string)f!["model"]! == model && (string)f["rows"]! == "test_file")!["scores"]!["accuracy"]!;
            var best = Accuracy("model.onnx");
            Assert.AreEqual(1.0, (double)metrics["models"]!["model.onnx"]!["parity_label_agreement"]!);
            var distilled = (bool)metrics["student"]!["distilled"]!;
            Assert.AreEqual(distilled, File.Exists(Path.Combine(output, "student.int8.onnx")));
            Assert.IsNotNull((double?)metrics["student"]!["size_ratio"], "the student's size ratio is reported whether or not it was distilled");
            Assert.IsNotNull((double?)metrics["student"]!["latency_ratio"]);
            if (!distilled)
            {
                Console.WriteLine($"no student: {metrics["student"]!["reason"]}");
                Assert.StartsWith("no student", (string)metrics["student"]!["reason"]!);
                return;
            }
            var student = Accuracy("student.int8.onnx");
            Console.WriteLine($"test accuracy: model.onnx {best:0.0000}, student.int8.onnx {student:0.0000}");
            Assert.IsLessThanOrEqualTo(0.02, Math.Abs(best - student), $"model {best}, int8 student {student}");
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
