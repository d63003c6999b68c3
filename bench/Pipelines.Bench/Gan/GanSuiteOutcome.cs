using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipelines.Bench.Gan;

/// <summary>
/// One rebalancing variant on one split of one suite set in the gan-suite bench: its test metrics or its error, the
/// training rows after resampling (and how many were added), the seconds the resampling and the GBDT fit took, and the
/// build it ran with. One JSON line each, appended as it ends, so an interrupted run resumes where it stopped.
/// </summary>
internal sealed record GanSuiteOutcome(
    string Set,
    int Split,
    string Variant,
    string? Sampler,
    IReadOnlyDictionary<string, double> Metrics,
    int TrainRows,
    int AddedRows,
    double ResampleSeconds,
    double FitSeconds,
    string? Error,
    string Build,
    DateTimeOffset FinishedAt)
{
    public const string MacroF1 = "macro_f1";
    public const string BalancedAccuracy = "balanced_accuracy";
    public const string RocAuc = "roc_auc";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    [JsonIgnore]
    public bool Failed => Error is not null;

    public string ToJsonLine() => JsonSerializer.Serialize(this, Json);

    /// <summary>Every outcome in a results file (one JSON object per line; blank lines skipped); none when it does not exist yet.</summary>
    public static IReadOnlyList<GanSuiteOutcome> ReadAll(string path) =>
        !File.Exists(path) ? [] : [.. File.ReadLines(path).Where(l => l.Trim().Length > 0).Select((l, i) =>
            JsonSerializer.Deserialize<GanSuiteOutcome>(l, Json) ?? throw new InvalidDataException($"{path}:{i + 1}: not a gan-suite outcome"))];
}
