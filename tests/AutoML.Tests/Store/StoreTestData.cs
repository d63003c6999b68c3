using System.Text.Json.Nodes;
using Pipelines.AutoML.Store;

namespace Pipelines.AutoML.Tests.Store;

/// <summary>Studies and trials for the store and leaderboard tests.</summary>
internal static class StoreTestData
{
    public static readonly DateTimeOffset Start = new(2025, 3, 5, 14, 7, 9, TimeSpan.Zero);

    public static StudySpec Spec(string name = "study", string fingerprint = "0123456789abcdef0123456789abcdef", bool higherIsBetter = true) =>
        new(name, "automl", "auc", higherIsBetter, fingerprint, """{"seed":1,"folds":5}""");

    public static TrialEntry Running(int id, string learner = "gbdt") =>
        new(id, learner, GbdtParameters(16), null, TrialStatus.Running, null, [], 0, null, id, null, Start.AddSeconds(id), null);

    public static TrialEntry Succeeded(int id, double score, double seconds = 1, string learner = "gbdt", IReadOnlyList<double>? folds = null) =>
        Running(id, learner) with
        {
            Status = TrialStatus.Succeeded,
            Score = score,
            FoldScores = folds ?? [score, score],
            Seconds = seconds,
            ReportOrder = id,
            FinishedAt = Start.AddSeconds(id + seconds),
        };

    public static TrialEntry Failed(int id, string error, TrialStatus status = TrialStatus.Failed) =>
        Running(id) with { Status = status, FoldScores = [0.5], Seconds = 2, Error = error, ReportOrder = id, FinishedAt = Start.AddSeconds(id + 2) };

    /// <summary>The <c>Parameters.ToJsonNode()</c> shape: the learner's section under "learner", a nested choice, a string.</summary>
    public static JsonObject GbdtParameters(int leaves) => new()
    {
        ["learner"] = new JsonObject { ["gbdt"] = new JsonObject { ["rounds"] = 64, ["num_leaves"] = leaves, ["learning_rate"] = 0.1 } },
        ["encoding"] = new JsonObject { ["onehot"] = new JsonObject { ["max_categories"] = 16 } },
        ["scaling"] = "none",
    };
}
