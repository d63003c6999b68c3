using System.Text.Json;
using System.Text.Json.Nodes;
using Pipelines.Errors;

namespace Pipelines.AutoML.Job;

/// <summary>
/// The output folder of an AutoML job. Checked for writing before any work starts; every output is written to a staging
/// folder inside it and published at the end: the earlier run's completion marker (metrics.json) is removed first, its
/// outputs that this run does not write (a student, an ML.NET model) are removed, the new ones moved into place, and
/// metrics.json last. So
/// a run that is refused, fails or is killed leaves an earlier run's outputs as they were (only the trial store, which
/// lives in the folder from the start so a killed run resumes from it, holds the trials it finished), and a folder whose
/// publishing stopped midway never looks complete.
/// </summary>
public sealed class JobOutputs
{
    /// <summary>The final model as one ONNX graph.</summary>
    public const string Model = "model.onnx";

    /// <summary>The distilled, pruned, int8 student (when one is worth it).</summary>
    public const string Student = "student.int8.onnx";

    /// <summary>The fitted pipeline file.</summary>
    public const string Pipeline = "pipeline";

    /// <summary>Every trial, ranked.</summary>
    public const string Leaderboard = "leaderboard.csv";

    /// <summary>The SQLite trial store (written as trials finish, so a stopped run resumes).</summary>
    public const string Trials = "trials.db";

    /// <summary>The figures and measurements; also the completion marker, published last.</summary>
    public const string Metrics = "metrics.json";

    /// <summary>The self-contained HTML report.</summary>
    public const string Report = "report.html";

    /// <summary>The ML.NET model's default name (<see cref="AutoMLJobOptions.MLNetModel"/>).</summary>
    public const string MLNetModel = "model.mlnet.zip";

    private const string StagingName = ".staging";

    private JobOutputs(string folder)
    {
        Folder = folder;
        Staging = Path.Combine(folder, StagingName);
    }

    /// <summary>The output folder (absolute).</summary>
    public string Folder { get; }

    /// <summary>Where outputs are written before they are moved into <see cref="Folder"/>.</summary>
    public string Staging { get; }

    /// <summary>The trial store's path (in the folder itself).</summary>
    public string TrialsPath => Path.Combine(Folder, Trials);

    /// <summary>The staging path of output <paramref name="name"/>.</summary>
    public string Staged(string name) => Path.Combine(Staging, name);

    /// <summary>The final path of output <paramref name="name"/>.</summary>
    public string Final(string name) => Path.Combine(Folder, name);

    /// <summary>
    /// Checks that <paramref name="name"/> can name an extra output: a plain file name (no folder), not one of the job's
    /// own outputs. Bad names are a <see cref="PipelineException"/> naming the option.
    /// </summary>
    public static void CheckOutputName(string name, string option)
    {
        string[] reserved = [Model, Student, Pipeline, Leaderboard, Trials, Metrics, Report, StagingName];
        if (string.IsNullOrWhiteSpace(name) || name != Path.GetFileName(name) || name is "." or ".." || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            throw new PipelineException($"{option} takes a file name (written into the output folder), not '{name}'.");
        if (reserved.Contains(name, StringComparer.OrdinalIgnoreCase))
            throw new PipelineException($"{option} cannot be '{name}': the job writes its own output under that name. Pick another name, such as {MLNetModel}.");
    }

    /// <summary>Creates the folder, proves it writable and clears a staging area left by a run that was killed.</summary>
    public static JobOutputs Prepare(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var full = Path.GetFullPath(folder);
        if (File.Exists(full)) throw new PipelineException($"{full}: is a file; --out needs a folder to write the outputs into.");
        try
        {
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, $".write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            var outputs = new JobOutputs(full);
            if (Directory.Exists(outputs.Staging)) Directory.Delete(outputs.Staging, recursive: true);
            Directory.CreateDirectory(outputs.Staging);
            return outputs;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PipelineException($"{full}: cannot write the outputs there ({e.Message}). Pick a folder you can write to with --out.", e);
        }
    }

    /// <summary>
    /// Replaces the earlier run's outputs with the staged ones: removes the completion marker (<see cref="Metrics"/>), then
    /// the earlier outputs this run did not stage, moves the staged files in, <see cref="Metrics"/> last, and removes the
    /// staging folder.
    /// </summary>
    public void Publish()
    {
        var staged = Directory.GetFiles(Staging).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        var earlier = Published.Concat(EarlierOutputs()).Distinct(StringComparer.Ordinal).ToArray();
        File.Delete(Final(Metrics));
        foreach (var name in earlier.Where(n => !staged.Contains(n))) File.Delete(Final(name));
        foreach (var name in staged.OrderBy(n => n == Metrics ? 1 : 0)) File.Move(Path.Combine(Staging, name!), Final(name!), overwrite: true);
        Directory.Delete(Staging, recursive: true);
    }

    /// <summary>The outputs a run publishes under fixed names (the trial store is written in place).</summary>
    private static readonly string[] Published = [Model, Student, MLNetModel, Pipeline, Leaderboard, Metrics, Report];

    /// <summary>
    /// The outputs the earlier complete run listed in its <see cref="Metrics"/> ("outputs"), which also names an ML.NET
    /// model written under another name than <see cref="MLNetModel"/>; only plain file names other than the trial store
    /// and the staging folder. None when there is no earlier complete run or its list cannot be read.
    /// </summary>
    private IEnumerable<string> EarlierOutputs()
    {
        var path = Final(Metrics);
        if (!File.Exists(path)) return [];
        try
        {
            if (JsonNode.Parse(File.ReadAllText(path))?["outputs"] is not JsonArray names) return [];
            return [.. names.Select(n => n?.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : null).OfType<string>()
                .Where(n => n.Length > 0 && n == Path.GetFileName(n) && n is not ("." or ".." or Trials or StagingName)
                    && n.IndexOfAny(Path.GetInvalidFileNameChars()) < 0)];
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return [];
        }
    }

    /// <summary>Removes the staging folder after a failure, leaving the store (for resuming) and nothing that looks complete.</summary>
    public void Abandon()
    {
        try
        {
            if (Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover staging folder is cleared by the next run's Prepare.
        }
    }
}
