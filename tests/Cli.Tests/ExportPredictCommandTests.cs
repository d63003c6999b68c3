using Pipelines.Core;
using Pipelines.Data;
using Pipelines.IO;
using Pipelines.Persistence;
using Pipelines.Prediction;
using Pipelines.Trainers.Trees;
using Pipelines.Transforms.Cleaning;

namespace Pipelines.Cli.Tests;

/// <summary>
/// `pipelines export` then `pipelines predict`: a pipeline fitted here (ClipOutliers -> GbdtClassifier with native
/// categorical splits, on the messy churn data) is saved, exported, and run through ONNX Runtime and in process on the
/// whole CSV file; both must give the in-process predictions.
/// </summary>
[TestClass]
public sealed class ExportPredictCommandTests
{
    private static string _folder = "";
    private static string _pipeline = "";
    private static TransformerChain _fitted = null!;
    private static DataFrame _data = null!;

    [ClassInitialize]
    public static void FitAndSave(TestContext context)
    {
        _ = context;
        _folder = Directory.CreateTempSubdirectory("cli-export-").FullName;
        _data = LabelTask.WithClassLabel(CsvReader.Read(RepoPaths.Data("messy_churn.csv"), new CsvOptions { Label = "churned" }));
        var training = _data.Without([.. _data.Features.Where(c => c.Kind == ColumnKind.Text).Select(c => c.Name)]);
        _fitted = new ClipOutliers().Append(new GbdtClassifier { Rounds = 20, Seed = 1 }).Fit(training);
        _pipeline = Path.Combine(_folder, "churn.pipeline");
        PipelineFile.Save(_pipeline, _fitted, training.Schema);
    }

    [ClassCleanup]
    public static void Cleanup() => Directory.Delete(_folder, recursive: true);

    [TestMethod]
    public void Export_then_predict_with_onnx_runtime_matches_in_process()
    {
        var onnx = Path.Combine(_folder, "churn.onnx");
        var export = CliRun.Of("export", _pipeline, "--out", onnx);
        Assert.AreEqual(0, export.ExitCode, export.Error);
        StringAssert.Contains(export.Output, "PredictedLabel");
        Assert.IsTrue(File.Exists(onnx));
        Assert.IsFalse(Directory.EnumerateFiles(_folder, "*.tmp").Any(), "no temporary file is left behind");

        var predictions = Path.Combine(_folder, "onnx-predictions.csv");
        var predict = CliRun.Of("predict", onnx, RepoPaths.Data("messy_churn.csv"), "--out", predictions, "--label", "churned");
        Assert.AreEqual(0, predict.ExitCode, predict.Error);
        AssertMatchesInProcess(predictions);
    }

    [TestMethod]
    public void Predict_with_the_pipeline_file_runs_in_process()
    {
        var predictions = Path.Combine(_folder, "pipeline-predictions.csv");
        var predict = CliRun.Of("predict", _pipeline, RepoPaths.Data("messy_churn.csv"), "--out", predictions);
        Assert.AreEqual(0, predict.ExitCode, predict.Error);
        AssertMatchesInProcess(predictions);
    }

    [TestMethod]
    public void Missing_model_file_is_one_line_and_exit_two()
    {
        var run = CliRun.Of("predict", Path.Combine(_folder, "nope.onnx"), RepoPaths.Data("messy_churn.csv"), "--out", Path.Combine(_folder, "p.csv"));
        AssertBadInput(run, "nope.onnx");
        AssertBadInput(CliRun.Of("export", Path.Combine(_folder, "nope.pipeline"), "--out", Path.Combine(_folder, "x.onnx")), "nope.pipeline");
    }

    [TestMethod]
    public void Csv_without_a_model_input_names_the_column()
    {
        var onnx = Path.Combine(_folder, "for-missing-column.onnx");
        Assert.AreEqual(0, CliRun.Of("export", _pipeline, "--out", onnx).ExitCode);
        var csv = Path.Combine(_folder, "no-contract.csv");
        CsvWriter.Write(_data.Without("contract"), csv);
        var output = Path.Combine(_folder, "never.csv");
        var run = CliRun.Of("predict", onnx, csv, "--out", output);
        AssertBadInput(run, "'contract'");
        Assert.IsFalse(File.Exists(output), "nothing is written on bad input");
        AssertBadInput(CliRun.Of("predict", _pipeline, csv, "--out", output), "'contract'");
    }

    [TestMethod]
    public void A_word_in_a_numeric_input_names_the_line_and_what_to_do()
    {
        var onnx = Path.Combine(_folder, "for-bad-number.onnx");
        Assert.AreEqual(0, CliRun.Of("export", _pipeline, "--out", onnx).ExitCode);
        var lines = File.ReadAllLines(RepoPaths.Data("messy_churn.csv")).Take(6).ToArray();
        var tenure = Array.IndexOf(lines[0].Split(','), "tenure_months");
        var fields = lines[3].Split(',');
        fields[tenure] = "12 months";
        lines[3] = string.Join(',', fields);
        var csv = Path.Combine(_folder, "bad-number.csv");
        File.WriteAllLines(csv, lines);
        var output = Path.Combine(_folder, "never.csv");
        foreach (var model in new[] { onnx, _pipeline })
        {
            var run = CliRun.Of("predict", model, csv, "--out", output);
            AssertBadInput(run, "bad-number.csv:4, column 'tenure_months', value '12 months': this value is not a number, but the model reads 'tenure_months' as numbers. Fix the value, or leave the cell empty for a missing value");
            Assert.IsFalse(File.Exists(output), "nothing is written on bad input");
        }

        // A word without a digit stands for a missing number, as it would in the data a model is fitted on.
        fields[tenure] = "unknown";
        lines[3] = string.Join(',', fields);
        File.WriteAllLines(csv, lines);
        var word = CliRun.Of("predict", onnx, csv, "--out", output);
        Assert.AreEqual(0, word.ExitCode, word.Error);
        StringAssert.Contains(word.Output, "read: 'tenure_months' holds numbers and 'unknown' (1 row), read as missing values");
    }

    [TestMethod]
    public void A_row_of_empty_cells_gets_its_prediction_so_predictions_stay_beside_their_rows()
    {
        var onnx = Path.Combine(_folder, "for-empty-row.onnx");
        Assert.AreEqual(0, CliRun.Of("export", _pipeline, "--out", onnx).ExitCode);
        var lines = File.ReadAllLines(RepoPaths.Data("messy_churn.csv")).Take(4).ToList();
        lines.Insert(2, new string(',', lines[0].Count(c => c == ',')));
        var csv = Path.Combine(_folder, "empty-row.csv");
        File.WriteAllLines(csv, lines);
        var output = Path.Combine(_folder, "empty-row-predictions.csv");
        var run = CliRun.Of("predict", onnx, csv, "--out", output);
        Assert.AreEqual(0, run.ExitCode, run.Error);
        Assert.HasCount(5, File.ReadAllLines(output), "a header and one prediction for each of the 4 rows, the empty one included");
    }

    [TestMethod]
    public void A_header_only_file_or_a_folder_is_refused_and_a_missing_output_folder_is_created()
    {
        var header = Path.Combine(_folder, "header-only.csv");
        File.WriteAllText(header, File.ReadLines(RepoPaths.Data("messy_churn.csv")).First() + "\n");
        var never = Path.Combine(_folder, "never-written.csv");
        AssertBadInput(CliRun.Of("predict", _pipeline, header, "--out", never), "header-only.csv:1: the file has a header but no rows");
        AssertBadInput(CliRun.Of("predict", _pipeline, _folder, "--out", never), "is a folder, not a file");
        Assert.IsFalse(File.Exists(never));

        var nested = Path.Combine(_folder, "new", "nested", "predictions.csv");
        var run = CliRun.Of("predict", _pipeline, RepoPaths.Data("messy_churn.csv"), "--out", nested);
        Assert.AreEqual(0, run.ExitCode, run.Error);
        AssertMatchesInProcess(nested);
    }

    [TestMethod]
    public void A_file_that_is_not_onnx_is_one_line_and_exit_two()
    {
        var fake = Path.Combine(_folder, "fake.onnx");
        File.WriteAllText(fake, "this is not a protobuf model, just some text\n");
        AssertBadInput(CliRun.Of("predict", fake, RepoPaths.Data("messy_churn.csv"), "--out", Path.Combine(_folder, "p.csv")), "fake.onnx");
    }

    private static void AssertMatchesInProcess(string predictionsPath)
    {
        var expected = _fitted.Transform(_data);
        var actual = CsvReader.Read(predictionsPath);
        Assert.AreEqual(_data.RowCount, actual.RowCount);
        CollectionAssert.AreEqual(
            new[] { PredictionColumns.PredictedLabel, PredictionColumns.Probability("no"), PredictionColumns.Probability("yes") },
            actual.Names.ToArray());
        var labels = actual[PredictionColumns.PredictedLabel];
        var wantLabels = expected[PredictionColumns.PredictedLabel];
        for (var r = 0; r < _data.RowCount; r++) Assert.AreEqual(wantLabels.FormatValue(r), labels.FormatValue(r), $"row {r}");
        foreach (var name in new[] { PredictionColumns.Probability("no"), PredictionColumns.Probability("yes") })
        {
            var want = expected.Numeric(name);
            var got = actual.Numeric(name);
            for (var r = 0; r < _data.RowCount; r++) Assert.AreEqual(want[r], got[r], 1e-5f, $"{name}, row {r}");
        }
    }

    private static void AssertBadInput(CliRun run, string mentioned)
    {
        Assert.AreEqual(CliApp.BadInput, run.ExitCode, run.Output + run.Error);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual(1, lines.Length, run.Error);
        StringAssert.StartsWith(lines[0], "error: ");
        StringAssert.Contains(lines[0], mentioned);
    }
}
