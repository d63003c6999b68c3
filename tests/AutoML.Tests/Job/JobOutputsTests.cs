using System.Text.Json.Nodes;
using Pipelines.AutoML.Job;
using Pipelines.AutoML.Tests.Store;
using Pipelines.Errors;

namespace Pipelines.AutoML.Tests.Job;

/// <summary>
/// Publishing replaces an earlier complete run's outputs: what this run did not write (a student, an ML.NET model under
/// the default name or the name the earlier run listed) is removed, files the job never wrote are left alone.
/// </summary>
[TestClass]
public sealed class JobOutputsTests : TempFolderTests
{
    [TestMethod]
    public void Publishing_removes_the_earlier_runs_ML_NET_model_when_this_run_writes_none()
    {
        var folder = FileIn("out");
        Publish(folder, [JobOutputs.Model, JobOutputs.Student, JobOutputs.MLNetModel, "iris.mlnet.zip"]);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "the user's own file");

        Publish(folder, [JobOutputs.Model]);

        Assert.IsTrue(File.Exists(Path.Combine(folder, JobOutputs.Model)));
        Assert.IsTrue(File.Exists(Path.Combine(folder, JobOutputs.Metrics)));
        Assert.IsFalse(File.Exists(Path.Combine(folder, JobOutputs.Student)), "a student this run did not distil");
        Assert.IsFalse(File.Exists(Path.Combine(folder, JobOutputs.MLNetModel)), "the ML.NET model under its default name");
        Assert.IsFalse(File.Exists(Path.Combine(folder, "iris.mlnet.zip")), "the ML.NET model under the name the earlier run listed");
        Assert.IsTrue(File.Exists(Path.Combine(folder, "notes.txt")), "a file no run listed stays");
        Assert.IsFalse(Directory.Exists(Path.Combine(folder, ".staging")));
    }

    [TestMethod]
    public void An_earlier_list_naming_the_trial_store_or_a_path_outside_the_folder_removes_neither()
    {
        var folder = FileIn("out");
        var outside = FileIn("outside.txt");
        File.WriteAllText(outside, "not the job's");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, JobOutputs.Trials), "store");
        Publish(folder, [JobOutputs.Model], listed: [JobOutputs.Model, JobOutputs.Trials, "../outside.txt", outside]);

        Publish(folder, [JobOutputs.Model]);

        Assert.IsTrue(File.Exists(Path.Combine(folder, JobOutputs.Trials)));
        Assert.IsTrue(File.Exists(outside));
    }

    [TestMethod]
    [DataRow("../model.zip")]
    [DataRow("sub/model.zip")]
    [DataRow("")]
    [DataRow("model.onnx")]
    [DataRow("METRICS.JSON")]
    [DataRow("trials.db")]
    public void An_extra_output_name_must_be_a_plain_file_name_the_job_does_not_use(string name)
    {
        var error = Assert.ThrowsExactly<PipelineException>(() => JobOutputs.CheckOutputName(name, "--mlnet-model"));
        Assert.StartsWith("--mlnet-model", error.Message);
    }

    /// <summary>Stages <paramref name="names"/> and a metrics.json listing <paramref name="listed"/> (default: them), then publishes.</summary>
    private static void Publish(string folder, string[] names, string[]? listed = null)
    {
        var outputs = JobOutputs.Prepare(folder);
        foreach (var name in names) File.WriteAllText(outputs.Staged(name), name);
        var metrics = new JsonObject { ["outputs"] = new JsonArray([.. (listed ?? [.. names, JobOutputs.Metrics]).Select(n => (JsonNode?)n)]) };
        File.WriteAllText(outputs.Staged(JobOutputs.Metrics), metrics.ToJsonString());
        outputs.Publish();
    }
}
