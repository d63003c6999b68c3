using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipelines.Bench.Suite;

/// <summary>
/// One tool on one split of one set: its test metrics (<see cref="SuiteScores"/>) or its error, the seconds it took to
/// fit (search included), and the build of ours it ran with. One JSON line each in the suite's results file, so runs
/// append, and a report can combine earlier runs (an earlier build's row beside the new one).
/// </summary>
internal sealed record SuiteOutcome(
    string Tool,
    string Set,
    int Split,
    string Task,
    IReadOnlyDictionary<string, double> Metrics,
    double FitSeconds,
    string? Error,
    string? Detail,
    string Build,
    DateTimeOffset FinishedAt)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public bool IsClassification => Task == "classification";

    /// <summary>The test metrics of <paramref name="tool"/> on <paramref name="suiteCase"/>, finished now.</summary>
    public static SuiteOutcome Scored(string tool, SuiteCase suiteCase, IReadOnlyDictionary<string, double> metrics, double fitSeconds, string? detail, string build) =>
        new(tool, suiteCase.Set.Name, suiteCase.Split, suiteCase.Task, metrics, fitSeconds, null, detail, build, DateTimeOffset.UtcNow);

    /// <summary>The failure of <paramref name="tool"/> on <paramref name="suiteCase"/> after <paramref name="seconds"/>, finished now.</summary>
    public static SuiteOutcome Failed(string tool, SuiteCase suiteCase, double seconds, string error, string build) =>
        new(tool, suiteCase.Set.Name, suiteCase.Split, suiteCase.Task, new Dictionary<string, double>(), seconds, error, null, build, DateTimeOffset.UtcNow);

    public string ToJsonLine() => JsonSerializer.Serialize(this, Json);

    /// <summary>Every outcome in a results file (one JSON object per line; blank lines skipped).</summary>
    public static IReadOnlyList<SuiteOutcome> ReadAll(string path) =>
        [.. File.ReadLines(path).Where(l => l.Trim().Length > 0).Select((l, i) =>
            JsonSerializer.Deserialize<SuiteOutcome>(l, Json) ?? throw new InvalidDataException($"{path}:{i + 1}: not a suite outcome"))];
}
