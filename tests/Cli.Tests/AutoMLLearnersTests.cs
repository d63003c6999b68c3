using System.Text.Json.Nodes;

namespace Pipelines.Cli.Tests;

/// <summary>`pipelines automl --learners`: ML.NET's trainers searched end to end, exported and checked; a bad name is one error line.</summary>
[TestClass]
public sealed class AutoMLLearnersTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [TestCategory("EndToEnd")]
    public void A_run_over_ML_NET_s_trainers_exports_a_model_that_ONNX_Runtime_agrees_with()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"automl-mlnet-{Guid.NewGuid():N}");
        TestContext.WriteLine(folder);
        try
        {
            var run = CliRun.Of("automl", RepoPaths.Data("messy_churn.csv"), "--label", "churned", "--trials", "8", "--learners", "mlnet", "--out", folder);
            Assert.AreEqual(CliApp.Ok, run.ExitCode, run.Error + run.Output);
            var board = File.ReadAllLines(Path.Combine(folder, "leaderboard.csv"));
            var header = board[0].Split(',');
            var learner = Array.IndexOf(header, "learner");
            var status = Array.IndexOf(header, "status");
            Assert.IsGreaterThanOrEqualTo(0, learner, board[0]);
            var names = board.Skip(1).Select(l => l.Split(',')[learner]).Distinct().ToArray();
            string[] mlnet = ["lightgbm", "fasttree", "fastforest", "lbfgs", "sdca"];
            Assert.IsTrue(names.All(mlnet.Contains), "only ML.NET's trainers are searched: " + string.Join(", ", names));
            Assert.IsGreaterThanOrEqualTo(3, names.Length, string.Join(", ", names));
            if (status >= 0) Assert.IsTrue(board.Skip(1).All(l => !l.Contains("failed", StringComparison.OrdinalIgnoreCase)), string.Join("\n", board));
            var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "metrics.json")))!;
            Assert.AreEqual(1.0, (double)metrics["models"]!["model.onnx"]!["parity_label_agreement"]!);
            Assert.IsTrue(File.Exists(Path.Combine(folder, "pipeline")) && File.Exists(Path.Combine(folder, "model.mlnet.zip")));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void An_unknown_learner_is_one_error_line_naming_the_known_ones()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"automl-learners-{Guid.NewGuid():N}");
        var run = CliRun.Of("automl", RepoPaths.Data("iris.csv"), "--label", "species", "--learners", "gbdt,catboost", "--out", folder);
        Assert.AreEqual(CliApp.BadInput, run.ExitCode, run.Error);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(1, lines, run.Error);
        StringAssert.StartsWith(lines[0], "error: 'catboost' in learners 'gbdt,catboost' is not a learner; known: gbdt,");
        Assert.IsFalse(Directory.Exists(folder));
    }
}
