using System.Globalization;
using Pipelines.AutoML.Job;
using Pipelines.Data;
using Pipelines.Export.Serving;
using Pipelines.IO;

namespace Pipelines.MLNet.Tests;

/// <summary>
/// The model.mlnet.zip that `pipelines automl` writes, loaded and run by a separate program that references only
/// Microsoft.ML, Microsoft.ML.OnnxTransformer and Microsoft.ML.OnnxRuntime (tests/MLNetConsumer), predicts every row as
/// ONNX Runtime does with model.onnx (what `pipelines predict model.onnx` runs): same labels, probabilities within 1e-5,
/// on messy_churn's numeric, categorical and missing values.
/// </summary>
[TestClass]
public sealed class ConsumerProcessTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    [TestMethod]
    [TestCategory("EndToEnd")]
    public void Zip_from_the_job_predicts_as_onnx_runtime_in_a_program_with_only_mlnet()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"mlnet-consumer-{Guid.NewGuid():N}");
        try
        {
            var data = RepoPaths.Data("messy_churn.csv");
            new AutoMLJob(new AutoMLJobOptions { DataPath = data, Label = "churned", OutputDir = folder, MaxTrials = 3, Seed = 1, Student = false }).Run();
            var zip = Path.Combine(folder, JobOutputs.MLNetModel);
            Assert.IsTrue(File.Exists(zip), "the job writes model.mlnet.zip by default");

            // The rows as `pipelines predict` reads them, written out with missing values as empty fields for the consumer.
            using var scorer = OnnxScorer.Open(Path.Combine(folder, JobOutputs.Model));
            var rows = ModelInputCsv.Read(data, scorer.Inputs, label: "churned");
            var expected = scorer.Predict(rows);
            var input = Path.Combine(folder, "rows.csv");
            CsvWriter.Write(rows.WithColumns(scorer.Inputs.Select(i => rows[i.Name])), input);
            Assert.IsTrue(scorer.Inputs.Any(i => i.Kind == ColumnKind.Categorical) && scorer.Inputs.Any(i => i.Kind == ColumnKind.Numeric), "the model reads both kinds");
            Assert.IsTrue(scorer.Inputs.Any(i => rows[i.Name].MissingCount() > 0), "some inputs have missing values");

            var app = BuildConsumer();
            var output = Path.Combine(folder, "predictions.csv");
            var run = ChildProcess.Dotnet(BuildTimeout, app, zip, input, output);
            Assert.AreEqual(0, run.ExitCode, run.Output);

            var lines = File.ReadAllLines(output);
            var labels = (CategoricalColumn)expected["PredictedLabel"];
            var classes = labels.Categories;
            Assert.AreEqual(rows.RowCount, lines.Length);
            for (var row = 0; row < rows.RowCount; row++)
            {
                var fields = lines[row].Split(',');
                Assert.AreEqual(labels.ValueAt(row), fields[0], $"row {row + 1}: label");
                Assert.AreEqual(classes.Count + 1, fields.Length, $"row {row + 1}: one probability per class");
                for (var k = 0; k < classes.Count; k++)
                {
                    var want = ((NumericColumn)expected[$"Probability.{classes[k]}"])[row];
                    Assert.AreEqual(want, float.Parse(fields[k + 1], CultureInfo.InvariantCulture), 1e-5f, $"row {row + 1}: probability of {classes[k]}");
                }
            }
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Builds tests/MLNetConsumer and returns its assembly, checking that nothing of this repository is in its output.</summary>
    private static string BuildConsumer()
    {
        var project = Path.Combine(RepoPaths.Root, "tests", "MLNetConsumer", "MLNetConsumer.csproj");
        var build = ChildProcess.Dotnet(BuildTimeout, "build", project, "-nologo", "-v", "quiet");
        Assert.AreEqual(0, build.ExitCode, build.Output);
        var output = Path.Combine(RepoPaths.Root, "tests", "MLNetConsumer", "bin", "Debug", "net10.0");
        var ours = Directory.GetFiles(output, "Pipelines*.dll");
        Assert.IsEmpty(ours, $"the consumer must not reference the project: {string.Join(", ", ours)}");
        return Path.Combine(output, "MLNetConsumer.dll");
    }
}
