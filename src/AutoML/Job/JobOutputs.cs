using Pipelines.Errors;

namespace Pipelines.AutoML.Job;

/// <summary>
/// The output folder of an AutoML job. Checked for writing before any work starts; the previous run's completion
/// marker (metrics.json) is removed first, so a folder whose run stopped midway never looks complete; every other
/// output is written to a staging folder inside it and moved into place at the end, metrics.json last. The trial
/// store lives in the folder itself from the start, so a killed run resumes from it.
/// </summary>
public sealed class JobOutputs
{
    public const string Model = "model.onnx";
    public const string Student = "student.int8.onnx";
    public const string Pipeline = "pipeline";
    public const string Leaderboard = "leaderboard.csv";
    public const string Trials = "trials.db";
    public const string Metrics = "metrics.json";
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

    /// <summary>Creates the folder, proves it writable and clears a stale completion marker and staging area.</summary>
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
            File.Delete(outputs.Final(Metrics));
            if (Directory.Exists(outputs.Staging)) Directory.Delete(outputs.Staging, recursive: true);
            Directory.CreateDirectory(outputs.Staging);
            return outputs;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PipelineException($"{full}: cannot write the outputs there ({e.Message}). Pick a folder you can write to with --out.", e);
        }
    }

    /// <summary>Moves every staged output into the folder, <see cref="Metrics"/> last, and removes the staging folder.</summary>
    public void Publish()
    {
        var staged = Directory.GetFiles(Staging).OrderBy(f => Path.GetFileName(f) == Metrics ? 1 : 0).ToArray();
        foreach (var file in staged) File.Move(file, Final(Path.GetFileName(file)), overwrite: true);
        Directory.Delete(Staging, recursive: true);
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
