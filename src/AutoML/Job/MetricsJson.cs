using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipelines.AutoML.Store;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.IO;

namespace Pipelines.AutoML.Job;

/// <summary>
/// metrics.json: the data and split, the search (trials, best, ensemble, time), and each model's test scores with its
/// size, ONNX Runtime latency and parity. Non-finite numbers are written as null (JSON has no NaN).
/// </summary>
internal static class MetricsJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(string path, AutoMLJobOptions options, DataFrame frame, AutoMLJobResult result, Fold split)
    {
        var experiment = result.Experiment;
        var trials = experiment.Trials;
        var root = new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["file"] = Path.GetFileName(options.DataPath),
                ["label"] = options.Label,
                ["task"] = experiment.Task.ToString(),
                ["rows"] = frame.RowCount,
                ["train_rows"] = split.Train.Length,
                ["test_rows"] = split.Test.Length,
                ["classes"] = new JsonArray([.. experiment.Classes.Select(c => (JsonNode?)c)]),
                ["fixes"] = new JsonArray([.. result.FixesApplied.Select(f => (JsonNode?)f)]),
            },
            ["metric"] = experiment.Metric.ToString(),
            ["search"] = new JsonObject
            {
                ["budget_seconds"] = options.MaxTrials is null ? options.Time.TotalSeconds : null,
                ["elapsed_seconds"] = experiment.Elapsed.TotalSeconds,
                ["interrupted"] = experiment.Interrupted,
                ["trials"] = trials.Count,
                ["succeeded"] = trials.Count(t => t.Status == TrialStatus.Succeeded),
                ["failed"] = trials.Count(t => t.Status == TrialStatus.Failed),
                ["cancelled"] = trials.Count(t => t.Status == TrialStatus.Cancelled),
                ["best_trial"] = experiment.Best.Id,
                ["best_learner"] = experiment.Best.Learner,
                ["best_cv_score"] = Number(experiment.Best.Score ?? double.NaN),
                ["ensemble"] = experiment.Ensemble is { } e
                    ? new JsonObject
                    {
                        ["used"] = e.IsUsed,
                        ["of_library_defaults"] = e.OfLibraryDefaults,
                        ["cv_score"] = Number(e.Score),
                        ["members"] = new JsonArray([.. e.Members.Select(m => (JsonNode?)new JsonObject { ["trial"] = m.Trial, ["weight"] = m.Weight })]),
                    }
                    : null,
            },
            ["models"] = new JsonObject([.. result.Checks.Select(c => KeyValuePair.Create(c.Name, (JsonNode?)Check(c)))]),
            ["compression"] = result.Compression is { } table
                ? new JsonArray([.. table.Stages.Select(stage => (JsonNode?)new JsonObject
                {
                    ["stage"] = stage.Name,
                    ["size_bytes"] = stage.Bytes,
                    ["parameters"] = stage.Parameters,
                    ["nonzero_parameters"] = stage.NonZeroParameters,
                    ["test_accuracy"] = Number(stage.Accuracy),
                    ["test_metric"] = stage.Metric is double m ? Number(m) : null,
                    ["teacher_agreement"] = Number(stage.TeacherAgreement),
                    ["ort_batch_ms_per_row"] = stage.BatchMsPerRow,
                    ["ort_single_row_ms"] = stage.SingleRowMs,
                    ["parity_max_abs_diff"] = stage.MaxProbabilityDelta,
                    ["parity_label_agreement"] = stage.LabelAgreement,
                    ["note"] = stage.Note,
                })])
                : null,
            ["student_accuracy_gap_points"] = result.Compression?.AccuracyGapPoints,
            ["decision"] = result.Experiment.Decision is { } d
                ? new JsonObject
                {
                    ["calibration"] = d.Calibration.Method.ToString(),
                    ["rule"] = d.Step.Rule switch
                    {
                        Calibration.ThresholdRule t => $"threshold {t.Threshold.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} on '{d.Step.Classes[t.PositiveClass]}'",
                        Calibration.ClassWeightRule w => $"class weights [{string.Join(", ", w.Weights.Select(x => x.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)))}]",
                        var other => other.GetType().Name,
                    },
                    ["tuned_for"] = d.Rule?.Objective,
                    ["cv_value"] = d.Rule is { } r ? Number(r.Value) : null,
                    ["cv_value_at_argmax"] = d.Rule is { } a ? Number(a.ArgMaxValue) : null,
                }
                : null,
            ["elapsed_seconds"] = result.Elapsed.TotalSeconds,
        };
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, root, Indented));
    }

    private static JsonObject Check(ModelCheck check)
    {
        var node = new JsonObject { ["test"] = new JsonObject([.. check.Scores.Select(s => KeyValuePair.Create(Snake(s.Key), Number(s.Value)))]) };
        if (check.SizeBytes is { } size) node["size_bytes"] = size;
        if (check.BatchMsPerRow is { } batch) node["ort_batch_ms_per_row"] = batch;
        if (check.SingleRowMs is { } single) node["ort_single_row_ms"] = single;
        if (check.MaxProbabilityDifference is { } diff) node["parity_max_abs_diff"] = diff;
        if (check.LabelAgreement is { } agreement) node["parity_label_agreement"] = agreement;
        if (check.Device is { } device) node["ort_device"] = device.ToString();
        return node;
    }

    private static JsonNode? Number(double value) => double.IsFinite(value) ? value : null;

    /// <summary>MacroF1 → macro_f1, RocAuc → roc_auc.</summary>
    private static string Snake(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 && !char.IsUpper(name[i - 1]) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
