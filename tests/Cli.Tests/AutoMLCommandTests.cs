using System.Text.Json.Nodes;
using Pipelines.Persistence;

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
            Assert.Contains("out of fold, 150 rows", run.Output, "the console says which rows the figure comes from (iris's one duplicate row kept)");

            var more = CliRun.Of("automl", RepoPaths.Data("iris.csv"), "--label", "species", "--trials", "9", "--out", folder, "--mlnet-model", "none");
            Assert.AreEqual(CliApp.Ok, more.ExitCode, more.Error + more.Output);
            Assert.DoesNotContain(".zip", more.Output.Split('\n').Single(l => l.StartsWith("Wrote ", StringComparison.Ordinal)), "--mlnet-model none writes no ML.NET model");
            Assert.IsFalse(File.Exists(Path.Combine(folder, "iris.mlnet.zip")), "the earlier run's ML.NET model does not survive a run that writes none");
            var trialLines = more.Output.Split('\n').Count(l => l.Contains("] trial ", StringComparison.Ordinal) && !l.TrimEnd().EndsWith(" started", StringComparison.Ordinal));
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
                ["automl", RepoPaths.Data("iris.csv"), "--label", "species", "--task", "regression", "--out", folder],
                ["automl", RepoPaths.Data("iris.csv"), "--label", "species", "--threshold", "0.3", "--out", folder],
                ["automl", RepoPaths.Data("iris.csv"), "--label", "species", "--threshold", "high", "--out", folder],
                ["automl", RepoPaths.Data("iris.csv"), "--label", "species", "--cost-matrix", RepoPaths.Data("no-costs.csv"), "--out", folder],
                ["automl", RepoPaths.Data("iris.csv"), "--label", "species", "--mlnet-model", "../model.zip", "--out", folder],
                ["automl", RepoPaths.Data("iris.csv"), "--label", "species", "--mlnet-model", "model.onnx", "--out", folder],
                ["automl", RepoPaths.Data("iris.csv"), "--label", "species", "--ignore", "petal colour", "--out", folder],
                ["automl", RepoPaths.Data("iris.csv"), "--label", "species", "--ignore", "species", "--out", folder],
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

    [TestMethod]
    public void Hostile_data_and_options_get_one_error_line_naming_what_is_wrong_and_leave_nothing_behind()
    {
        var folder = NewFolder();
        var files = Directory.CreateTempSubdirectory("hostile-").FullName;
        var irisLines = File.ReadAllLines(RepoPaths.Data("iris.csv"));
        string File_(string name, IEnumerable<string> lines)
        {
            var path = Path.Combine(files, name);
            File.WriteAllLines(path, lines);
            return path;
        }
        var header = File_("header.csv", irisLines[..1]);
        var unlabelled = File_("unlabelled.csv", irisLines.Select((l, i) => i == 0 ? l : l[..l.LastIndexOf(',')] + ","));
        var someUnlabelled = File_("some-unlabelled.csv", irisLines.Select((l, i) => i is 4 or 9 ? l[..l.LastIndexOf(',')] + "," : l));
        // A report's title above the table: lines are still the file's own.
        var titled = File_("titled.csv", ["Iris measurements", "", .. irisLines.Select((l, i) => i is 4 ? l[..l.LastIndexOf(',')] + "," : l)]);
        var twoRows = File_("two-rows.csv", irisLines[..1].Concat(irisLines[1..2]).Concat(irisLines[^1..]));
        var oneClass = File_("one-class.csv", ["x,y", .. Enumerable.Range(1, 12).Select(i => $"{i},a")]);
        var singleton = File_("singleton.csv", ["x,y", .. Enumerable.Range(1, 11).Select(i => $"{i},a"), "12,b"]);
        var infinite = File_("infinite.csv", irisLines.Select((l, i) => i == 3 ? "inf" + l[l.IndexOf(',')..] : i == 7 ? "1e999" + l[l.IndexOf(',')..] : l));
        var notUtf8 = Path.Combine(files, "latin1.csv");
        File.WriteAllBytes(notUtf8, [.. irisLines.SelectMany((l, i) => i == 5
            ? [.. System.Text.Encoding.UTF8.GetBytes(l.Replace("setosa", "set", StringComparison.Ordinal)), 0xFF, 0xFE, .. "osa\n"u8.ToArray()]
            : System.Text.Encoding.UTF8.GetBytes(l + "\n"))]);
        var longClass = File_("long-class.csv", irisLines.Select((l, i) => i == 2 ? l.Replace("setosa", new string('s', 5_000), StringComparison.Ordinal) : l));
        var longColumn = File_("long-column.csv", irisLines.Select((l, i) => i == 0 ? l.Replace("sepal width (cm)", new string('w', 5_000), StringComparison.Ordinal) : l));
        var badSpace = File_("space.json", ["{\"l2\": {\"float\": [1]}"]);
        var store = Path.Combine(folder, "sweep.db");
        try
        {
            (string[] Args, string Mentions)[] cases =
            [
                (["automl", RepoPaths.Data("iris.csv"), "--label", "species", "--trials", "0", "--out", folder], "--trials must be 1 or more, not 0"),
                (["automl", RepoPaths.Data("iris.csv"), "--label", "species", "--trials=-3", "--out", folder], "--trials must be 1 or more, not -3"),
                (["automl", header, "--label", "species", "--out", folder], "header.csv:1: the file has a header but no rows"),
                (["automl", unlabelled, "--label", "species", "--out", folder], "unlabelled.csv:2, column 'species', value '': the label is missing on 150 of 150 rows (lines 2, 3, 4, 5, 6, …)"),
                (["automl", someUnlabelled, "--label", "species", "--out", folder], "some-unlabelled.csv:5, column 'species', value '': the label is missing on 2 of 150 rows (lines 5, 10)"),
                (["automl", titled, "--label", "species", "--out", folder], "titled.csv:7, column 'species', value '': the label is missing on 1 of 150 rows (lines 7)"),
                (["automl", twoRows, "--label", "species", "--out", folder], "two-rows.csv: the file has 2 rows, too few to cross-validate a model. Give it at least 10 rows"),
                (["automl", oneClass, "--label", "y", "--out", folder], "one-class.csv, column 'y': the label has one class ('a') in all 12 rows"),
                (["automl", singleton, "--label", "y", "--out", folder], "singleton.csv, column 'y': only one class has two rows or more ('a' 11, 'b' 1)"),
                (["automl", infinite, "--label", "species", "--out", folder], "infinite.csv:4, column 'sepal length (cm)', value '+infinity': the value is infinite"),
                (["automl", files, "--label", "species", "--out", folder], "is a folder, not a file"),
                (["automl", longClass, "--label", "species", "--out", folder], "long-class.csv:3, column 'species', value 'sssss"),
                (["automl", longColumn, "--label", "species", "--out", folder], $"long-column.csv:1, column '{new string('w', 97)}...': this column name is 5,000 characters long"),
                (["automl", notUtf8, "--label", "species", "--out", folder], "latin1.csv:6, column 'species', value 'set\uFFFD\uFFFDosa': the value holds bytes that are not UTF-8"),
                (["profile", files, "--label", "species"], "is a folder, not a file"),
                (["sweep", badSpace, "--data", RepoPaths.Data("iris.csv"), "--label", "species", "--trials", "2", "--storage", store], "space.json: Search space JSON is not valid JSON"),
                (["sweep", RepoPaths.Data("no-such-space.json"), "--data", RepoPaths.Data("iris.csv"), "--label", "species", "--trials", "2", "--storage", store], "no-such-space.json: no such file"),
            ];
            foreach (var (args, mentions) in cases)
            {
                var run = CliRun.Of(args);
                var context = string.Join(' ', args) + "\n" + run.Error;
                Assert.AreEqual(CliApp.BadInput, run.ExitCode, context);
                var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                Assert.HasCount(1, lines, context);
                Assert.StartsWith("error: ", lines[0], context);
                Assert.Contains(mentions, lines[0], context);
                Assert.IsFalse(Directory.Exists(folder), $"nothing is written on bad input: {context}");
            }
        }
        finally
        {
            Directory.Delete(files, recursive: true);
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
            ($"{header}\n5.1,3.5,1.4,0.2,setosa\n4.9,3.0cm,1.4,0.2,setosa\n", ":3, column 'sepal width (cm)', value '3.0cm'"),
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
                if (args.Contains("--seed")) Assert.Contains($"Write to another folder (--out {folder}-2), or delete {Path.Combine(folder, "trials.db")}", run.Error);
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

            var without = Path.Combine(folder, "without.pipeline");
            var ignored = CliRun.Of("sweep", space, "--data", RepoPaths.Data("iris.csv"), "--label", "species", "--learner", "linear",
                "--tuner", "grid", "--grid-points", "2", "--trials", "100", "--storage", "sqlite:" + store, "--study", "ignored", "--folds", "3",
                "--ignore", "petal width (cm)", "--out", without);
            Assert.AreEqual(CliApp.Ok, ignored.ExitCode, ignored.Error + ignored.Output);
            Assert.IsFalse(PipelineFile.Load(without).InputSchema.Contains("petal width (cm)"), "the saved pipeline neither reads nor needs it");

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
            // The closing line gives the best trial's score as the search ranked it (its threshold tuned on the scored
            // rows) and, where that differs, as the table's out-of-fold figure has it (the threshold cross-fitted).
            var bestModel = metrics["search"]!["ensemble"] is JsonObject { } ensemble && (bool)ensemble["used"]! ? "best single trial" : "final model";
            var ships = (double)figures.Single(f => (string)f!["model"]! == bestModel && (string)f["rows"]! == "out_of_fold")!["scores"]!["macro_f1"]!;
            string Four(double value) => value.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);
            var ranked = Four((double)metrics["search"]!["best_cv_score"]!);
            Assert.Contains(ranked == Four(ships) ? $"MacroF1 {ranked} out of fold." : $"MacroF1 {ranked} out of fold as the search ranked it, {Four(ships)} as it ships", run.Output);
            var distilled = (bool)metrics["student"]!["distilled"]!;
            Assert.AreEqual(distilled, File.Exists(Path.Combine(output, "student.int8.onnx")));
            // The ratios are reported whether or not a student was distilled, unless the budget left no time to measure one
            // (a loaded machine), which the reason says.
            var reason = (string?)metrics["student"]!["reason"];
            if (distilled || reason?.Contains("of the budget were left for one", StringComparison.Ordinal) != true)
            {
                Assert.IsNotNull((double?)metrics["student"]!["size_ratio"], "the student's size ratio is reported whether or not it was distilled");
                Assert.IsNotNull((double?)metrics["student"]!["latency_ratio"]);
            }
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
