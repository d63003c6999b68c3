using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.Store;
using Pipelines.Data;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Sweeps.Workers;

/// <summary>
/// A study that workers run, as <c>pipelines sweep create</c> stores it (in the study's settings JSON), so a worker
/// needs only the store and the study's name. The data file is kept by path, not copied: every worker reads the file
/// at that path (a shared mount on other hosts, or the worker's own <c>--data</c>) and refuses it unless its
/// fingerprint matches the one taken at create.
/// </summary>
public sealed record WorkerStudy
{
    /// <summary>The study kind recorded in the store for studies made for workers.</summary>
    public const string Kind = "sweep-workers";

    /// <summary>The space file's text (<see cref="SearchSpace.SearchSpaceJson"/>).</summary>
    public required string Space { get; init; }

    /// <summary>The learner of a hyperparameter-only space file; null for a full space.</summary>
    public string? Learner { get; init; }

    /// <summary>The data file's full path at create.</summary>
    public required string DataPath { get; init; }

    /// <summary>SHA-256 over the data as the trials see it (columns, kinds, values, label).</summary>
    public required string DataFingerprint { get; init; }

    public required string Label { get; init; }

    public required Metric Metric { get; init; }

    /// <summary>What the label is read as (<see cref="LabelTask.Read"/>).</summary>
    public TaskChoice Task { get; init; } = TaskChoice.Auto;

    /// <summary>Columns the trials leave out (<see cref="Job.IgnoredColumns"/>); empty for none.</summary>
    public IReadOnlyList<string> Ignore { get; init; } = [];

    /// <summary>The worksheet of <see cref="DataPath"/> where it is an Excel workbook; null for its first.</summary>
    public string? Sheet { get; init; }

    /// <summary>Folds as given (null: the validation plan chooses).</summary>
    public int? Folds { get; init; }

    public int Seed { get; init; }

    public TunerKind Tuner { get; init; } = TunerKind.Random;

    public int GridPoints { get; init; } = 5;

    /// <summary>Trials in the study in all; null for a grid's every point.</summary>
    public int? Trials { get; init; }

    /// <summary>When a silent worker's trial is put back, and how often.</summary>
    public required RequeuePolicy Requeue { get; init; }

    /// <summary>The study as the store keeps it: kind <see cref="Kind"/>, this definition as settings, its hash as fingerprint.</summary>
    public StudySpec Spec(string name)
    {
        var json = ToJson();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        return new StudySpec(name, Kind, Metric.ToString(), Metric.HigherIsBetter(), hash, json);
    }

    public string ToJson()
    {
        var json = new JsonObject
        {
            ["space"] = Space,
            ["learner"] = Learner,
            ["data_path"] = DataPath,
            ["data_fingerprint"] = DataFingerprint,
            ["label"] = Label,
            ["metric"] = Metric.ToString(),
            ["folds"] = Folds,
            ["seed"] = Seed,
            ["tuner"] = Tuner.ToString(),
            ["grid_points"] = GridPoints,
            ["trials"] = Trials,
            ["grace_seconds"] = Requeue.Grace.TotalSeconds,
            ["max_attempts"] = Requeue.MaxAttempts,
        };
        // Written only when asked for, so the studies made before the choice existed keep their settings' hash.
        if (Task != TaskChoice.Auto) json["task"] = Task.ToString();
        if (Ignore.Count > 0) json["ignore"] = new JsonArray([.. Ignore.Select(c => (JsonNode?)c)]);
        if (Sheet is not null) json["sheet"] = Sheet;
        return json.ToJsonString();
    }

    /// <summary>The definition of <paramref name="spec"/>; throws <see cref="TrialStoreException"/> for a study that was not made for workers.</summary>
    public static WorkerStudy FromSpec(StudySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Kind != Kind)
        {
            throw new TrialStoreException(
                $"Study '{spec.Name}' is a '{spec.Kind}' study, made by an in-process run, not by 'pipelines sweep create'; workers run only studies " +
                "made with 'pipelines sweep create'. Create one under a new name.");
        }
        try
        {
            var node = JsonNode.Parse(spec.SettingsJson) as JsonObject ?? throw new FormatException("the settings are not a JSON object");
            string Text(string key) => node[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new FormatException($"'{key}' is missing");
            double Number(string key) => node[key] is JsonValue v && v.TryGetValue<double>(out var d) ? d : throw new FormatException($"'{key}' is not a number");
            int Whole(string key) => checked((int)Number(key));
            int? OptionalWhole(string key) => node[key] is null ? null : Whole(key);
            return new WorkerStudy
            {
                Space = Text("space"),
                Learner = node["learner"] is null ? null : Text("learner"),
                DataPath = Text("data_path"),
                DataFingerprint = Text("data_fingerprint"),
                Label = Text("label"),
                Metric = Enum.Parse<Metric>(Text("metric")),
                Task = node["task"] is null ? TaskChoice.Auto : Enum.Parse<TaskChoice>(Text("task")),
                Ignore = node["ignore"] is null ? [] : node["ignore"] is JsonArray columns
                    ? [.. columns.Select(c => c is JsonValue v && v.TryGetValue<string>(out var name) ? name : throw new FormatException("'ignore' holds a non-name"))]
                    : throw new FormatException("'ignore' is not a list"),
                Sheet = node["sheet"] is null ? null : Text("sheet"),
                Folds = OptionalWhole("folds"),
                Seed = Whole("seed"),
                Tuner = Enum.Parse<TunerKind>(Text("tuner")),
                GridPoints = Whole("grid_points"),
                Trials = OptionalWhole("trials"),
                Requeue = new RequeuePolicy(TimeSpan.FromSeconds(Number("grace_seconds")), Whole("max_attempts")),
            };
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException or System.Text.Json.JsonException)
        {
            throw new TrialStoreException(
                $"Study '{spec.Name}' has a worker definition this tool cannot read ({e.Message}); it was damaged or written by another release.", e);
        }
    }

    /// <summary>Two definitions are equal when their settings are (<see cref="ToJson"/>): the list of ignored columns by its names.</summary>
    public bool Equals(WorkerStudy? other) => other is not null && ToJson() == other.ToJson();

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToJson());

    /// <summary>One line for progress reports.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Tuner.ToString().ToLowerInvariant()} over {(Learner ?? "a full space")}, {Metric}, {(Trials is int n ? $"{n} trials" : "the whole grid")}, data {DataPath}");
}
