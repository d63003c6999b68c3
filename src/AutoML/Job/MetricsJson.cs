using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipelines.AutoML.Store;
using Pipelines.AutoML.Student;
using Pipelines.Evaluation;
using Pipelines.IO;

namespace Pipelines.AutoML.Job;

/// <summary>
/// metrics.json: the data and which rows each figure comes from (out of fold on the search's rows, held out, the user's
/// test file), the search (trials, best, ensemble, time), each figure's scores, the ONNX files' size, ONNX Runtime latency
/// and parity and the device ONNX Runtime ran them on, the student (distilled or why not, its size and latency ratios to
/// model.onnx), the decision rule, the time budget's split, the phases' seconds and the files written (which
/// <see cref="JobOutputs"/> reads to remove them if the next run does not write them again). Non-finite numbers are
/// written as null (JSON has no NaN).
/// </summary>
internal static class MetricsJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(string path, AutoMLJobOptions options, AutoMLJobResult result)
    {
        var experiment = result.Experiment;
        var trials = experiment.Trials;
        var root = new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["file"] = Path.GetFileName(options.DataPath),
                ["sheet"] = options.Sheet,
                ["label"] = options.Label,
                ["task"] = experiment.Task.ToString(),
                ["rows"] = result.Rows,
                ["classes"] = new JsonArray([.. experiment.Classes.Select(c => (JsonNode?)c)]),
                ["fixes"] = new JsonArray([.. result.FixesApplied.Select(f => (JsonNode?)f)]),
            },
            ["evaluation"] = new JsonObject
            {
                ["shipped_model_fitted_on_rows"] = result.ShippedRows,
                ["refit_note"] = result.RefitNote,
                ["search_rows"] = result.SearchRows,
                ["held_out_rows"] = result.Holdout.Split?.Test.Length,
                ["holdout_rule"] = result.Holdout.Reason,
                ["test_file"] = result.TestPath is { } test ? Path.GetFileName(test) : null,
            },
            ["metric"] = experiment.Metric.ToString(),
            ["figures"] = new JsonArray([.. result.Figures.Select(f => (JsonNode?)new JsonObject
            {
                ["model"] = f.Model,
                ["rows"] = Snake(f.Rows.ToString()),
                ["row_count"] = f.RowCount,
                ["fitted_rows"] = f.FittedRows,
                ["description"] = f.Description,
                ["scores"] = new JsonObject([.. f.Scores.Select(s => KeyValuePair.Create(Snake(s.Key), Number(s.Value)))]),
            })]),
            ["search"] = new JsonObject
            {
                ["budget_seconds"] = result.Budget?.Search.TotalSeconds,
                ["elapsed_seconds"] = experiment.Elapsed.TotalSeconds,
                ["interrupted"] = experiment.Interrupted,
                ["trials"] = trials.Count,
                ["succeeded"] = trials.Count(t => t.Status == TrialStatus.Succeeded),
                ["failed"] = trials.Count(t => t.Status == TrialStatus.Failed),
                ["cancelled"] = trials.Count(t => t.Status == TrialStatus.Cancelled),
                ["best_trial"] = experiment.Best.Id,
                ["best_learner"] = experiment.Best.Learner,
                ["best_cv_score"] = Number(experiment.Best.Score ?? double.NaN),
                ["set_aside"] = new JsonArray([.. experiment.SetAside.Select(a => (JsonNode?)a)]),
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
            ["models"] = new JsonObject([.. result.Checks.Select(c => KeyValuePair.Create(c.Name, (JsonNode?)Check(c, result)))]),
            ["student"] = Student(result),
            ["compression"] = result.Compression is { } table
                ? new JsonArray([.. table.Stages.Select(stage => (JsonNode?)new JsonObject
                {
                    ["stage"] = stage.Name,
                    ["size_bytes"] = stage.Bytes,
                    ["size_ratio"] = Ratio(stage.Bytes, table.Teacher.Bytes),
                    ["parameters"] = stage.Parameters,
                    ["nonzero_parameters"] = stage.NonZeroParameters,
                    ["accuracy"] = Number(stage.Accuracy),
                    ["metric"] = stage.Metric is double m ? Number(m) : null,
                    ["teacher_agreement"] = Number(stage.TeacherAgreement),
                    ["ort_batch_ms_per_row"] = stage.BatchMsPerRow,
                    ["latency_ratio"] = Ratio(stage.BatchMsPerRow, table.Teacher.BatchMsPerRow),
                    ["ort_single_row_ms"] = stage.SingleRowMs,
                    ["parity_max_abs_diff"] = stage.MaxProbabilityDelta,
                    ["parity_label_agreement"] = stage.LabelAgreement,
                    ["note"] = stage.Note,
                })])
                : null,
            ["decision"] = result.Experiment.Decision is { } d
                ? new JsonObject
                {
                    ["calibration"] = d.Calibration.Method.ToString(),
                    ["rule"] = d.Step.Rule switch
                    {
                        Calibration.ThresholdRule t => $"threshold {t.Threshold.ToString("0.###", CultureInfo.InvariantCulture)} on '{d.Step.Classes[t.PositiveClass]}'",
                        Calibration.ClassWeightRule w => $"class weights [{string.Join(", ", w.Weights.Select(x => x.ToString("0.###", CultureInfo.InvariantCulture)))}]",
                        var other => other.GetType().Name,
                    },
                    ["tuned_for"] = d.Rule?.Objective,
                    // All three on the out-of-fold rows: the shipped rule's value on the rows it was tuned on (optimistic),
                    // argmax's, and the tuned rule's with each row decided by the rule tuned without it, the honest figure
                    // (DecisionRuleTuner.TuneHeldOut); the rule ships only where that beats argmax's, else it is argmax.
                    ["out_of_fold_value_where_tuned"] = d.Rule is { } r ? Number(r.Value) : null,
                    ["out_of_fold_value_at_argmax"] = d.Rule is { } a ? Number(a.ArgMaxValue) : null,
                    ["out_of_fold_value_cross_fitted"] = d.Rule?.HeldOutValue is { } h ? Number(h) : null,
                }
                : null,
            ["budget"] = result.Budget is { } b
                ? new JsonObject
                {
                    ["time_seconds"] = b.Total.TotalSeconds,
                    ["spent_before_search_seconds"] = b.Spent.TotalSeconds,
                    ["search_seconds"] = b.Search.TotalSeconds,
                    ["refit_after_run"] = b.RefitAfterRun,
                    ["outputs_seconds"] = b.Outputs.TotalSeconds,
                    ["student_seconds"] = b.Student.TotalSeconds,
                    ["importance_seconds"] = b.Importance.TotalSeconds,
                    ["margin_seconds"] = b.Margin.TotalSeconds,
                }
                : null,
            ["phases_seconds"] = new JsonObject([.. result.Phases.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
            ["phases_peak_resident_bytes"] = new JsonObject([.. result.PhasePeaks.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
            ["outputs"] = new JsonArray([.. result.Outputs.Select(o => (JsonNode?)o)]),
            ["elapsed_seconds"] = result.Elapsed.TotalSeconds,
        };
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, root, Indented));
    }

    private static JsonObject Check(ModelCheck check, AutoMLJobResult result) => new()
    {
        ["fitted_on_rows"] = result.ShippedRows,
        ["size_bytes"] = check.SizeBytes,
        ["ort_batch_ms_per_row"] = Number(check.BatchMsPerRow),
        ["ort_single_row_ms"] = Number(check.SingleRowMs),
        ["parity_max_abs_diff"] = check.MaxProbabilityDifference,
        ["parity_label_agreement"] = check.LabelAgreement,
        ["measured_on"] = check.RowsDescription,
        ["measured_rows"] = check.Rows,
        ["ort_device"] = check.Device.ToString(),
    };

    /// <summary>Whether a student was distilled and why, with its size and latency as ratios to model.onnx's (student / teacher).</summary>
    private static JsonObject? Student(AutoMLJobResult result)
    {
        if (result.StudentNote is null && result.StudentChoice is null) return null;
        var node = new JsonObject
        {
            ["distilled"] = result.Compression is not null,
            ["reason"] = result.StudentNote,
        };
        if (result.Compression is { } table)
        {
            node["size_ratio"] = Ratio(table.Final.Bytes, table.Teacher.Bytes);
            node["latency_ratio"] = Ratio(table.Final.BatchMsPerRow, table.Teacher.BatchMsPerRow);
            node["ratios_from"] = "the distilled int8 student against model.onnx, measured together";
        }
        else if (result.StudentChoice is { } choice)
        {
            node["size_ratio"] = Number(choice.SizeRatio);
            node["latency_ratio"] = Number(choice.LatencyRatio);
            node["ratios_from"] = "a student of the same shape, sized and timed but not distilled, against model.onnx";
        }
        if (result.StudentChoice is { } c)
        {
            node["teacher_size_bytes"] = c.TeacherBytes;
            node["teacher_ms_per_row"] = Number(c.TeacherMsPerRow);
            node["sized_student_bytes"] = c.StudentBytes;
            node["sized_student_ms_per_row"] = Number(c.StudentMsPerRow);
            node["min_gain"] = StudentChoice.MinGain;
        }
        return node;
    }

    private static JsonNode? Ratio(double? value, double? reference) =>
        value is double v && reference is double r && r > 0 ? Number(v / r) : null;

    private static JsonNode? Number(double value) => double.IsFinite(value) ? value : null;

    /// <summary>MacroF1 → macro_f1, RocAuc → roc_auc.</summary>
    private static string Snake(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 && !char.IsUpper(name[i - 1]) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
