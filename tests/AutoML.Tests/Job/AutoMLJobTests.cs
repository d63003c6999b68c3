using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Pipelines.AutoML.Job;
using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Tests.Experiments;
using Pipelines.AutoML.Tests.Store;
using Pipelines.Data;
using Pipelines.Export.Serving;
using Pipelines.IO;
using Pipelines.Persistence;
using Pipelines.Prediction;
using Pipelines.Tests;

namespace Pipelines.AutoML.Tests.Job;

/// <summary>
/// The job ships models fitted on every row, reports figures that say which rows they come from, measures the user's
/// test file, and plans its time budget around the steps after the search.
/// </summary>
[TestClass]
public sealed class AutoMLJobTests : TempFolderTests
{
    private static readonly ILearnerSpace[] Gbdt = [new GbdtLearnerSpace()];

    /// <summary>
    /// The rows the job holds out learn a rule of their own: the label flips at x = 2.5 there, while the other rows only
    /// show a flip at x = 0.5. A model fitted without the held-out rows extrapolates the first rule and gets about half of
    /// them right; a model fitted with them gets them right. The shipped files must be the second kind.
    /// </summary>
    [TestMethod]
    public void The_shipped_model_is_fitted_on_every_row_and_the_held_out_figure_on_the_rows_it_did_not_see()
    {
        var (path, heldOut) = WriteTwoRuleData(rows: 800, minHoldoutRows: 100);
        var result = new AutoMLJob(Options(path) with { MinHoldoutRows = 100 }).Run();

        Assert.IsTrue(result.Holdout.HoldsOut);
        var (m, n) = (heldOut.Length, 800 - heldOut.Length);
        Assert.AreEqual(200, m, 2.0, "a quarter, rounded per class");
        Assert.AreEqual(800, result.Rows);
        Assert.AreEqual(n, result.SearchRows);
        var held = result.Figures.Single(f => f.Rows == FigureRows.HeldOut && f.Model == "final model");
        Assert.AreEqual(m, held.RowCount);
        Assert.AreEqual(n, held.FittedRows);
        Assert.IsLessThan(0.75, held.Scores["Accuracy"], "fitted without the held-out rows, the model cannot know their rule");

        var data = CsvReader.Read(path, new CsvOptions { Label = "y" });
        var rows = data.Take(heldOut);
        var pipeline = PipelineFile.Load(Path.Combine(result.OutputDir, JobOutputs.Pipeline)).Model;
        Assert.IsGreaterThan(0.95, Accuracy(pipeline.Transform(rows), rows), "the pipeline file was fitted on the held-out rows too");
        using var onnx = OnnxScorer.Open(Path.Combine(result.OutputDir, JobOutputs.Model));
        Assert.IsGreaterThan(0.95, Accuracy(onnx.Predict(rows), rows), "so was model.onnx");

        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(result.OutputDir, JobOutputs.Metrics)))!;
        Assert.AreEqual(800, (int)metrics["evaluation"]!["shipped_model_fitted_on_rows"]!);
        Assert.AreEqual(m, (int)metrics["evaluation"]!["held_out_rows"]!);
        var figures = metrics["figures"]!.AsArray();
        var outOfFold = figures.First(f => (string)f!["rows"]! == "out_of_fold")!;
        Assert.AreEqual(n, (int)outOfFold["row_count"]!);
        var outOfFoldRows = $"{n} rows, each scored by models fitted without it";
        Assert.Contains(outOfFoldRows, (string)outOfFold["description"]!);
        var heldOutFigure = figures.First(f => (string)f!["rows"]! == "held_out")!;
        Assert.AreEqual(m, (int)heldOutFigure["row_count"]!);
        Assert.AreEqual(n, (int)heldOutFigure["fitted_rows"]!);
        var heldOutRows = $"held out: {m} rows, scored by the final model fitted on the other {n}";
        Assert.AreEqual(heldOutRows, (string)heldOutFigure["description"]!);
        Assert.AreEqual(held.Scores["Accuracy"], (double)heldOutFigure["scores"]!["accuracy"]!, 1e-12);

        var report = File.ReadAllText(Path.Combine(result.OutputDir, JobOutputs.Report));
        Assert.Contains(heldOutRows, report);
        Assert.Contains(outOfFoldRows, report);
    }

    /// <summary>
    /// The learner fits the search's rows and their folds well but goes wrong on all 800 rows (as a boosting run that
    /// diverges on more rows can): the job ships the model fitted on the search's rows, and every output says so.
    /// </summary>
    [TestMethod]
    public void A_refit_on_every_row_that_does_not_fit_them_ships_the_model_fitted_on_the_search_s_rows()
    {
        var path = FileIn("blobs.csv");
        var random = new Random(5);
        var text = new StringBuilder("x,z,y\n");
        for (var row = 0; row < 800; row++)
        {
            var k = row % 3;
            text.Append(CultureInfo.InvariantCulture, $"{k + 0.6 * random.NextDouble():0.####},{random.NextDouble():0.####},{"abc"[k]}\n");
        }
        File.WriteAllText(path, text.ToString());
        var result = new AutoMLJob(Options(path) with { MinHoldoutRows = 100, Learners = [new DivergingLearnerSpace(divergesFromRows: 700)] }).Run();

        Assert.AreEqual(800, result.Rows);
        Assert.AreEqual(result.SearchRows, result.ShippedRows, "the model fitted on the search's rows ships");
        Assert.IsNotNull(result.RefitNote);
        Assert.StartsWith("the refit on all 800 rows did not fit them (balanced accuracy 0.", result.RefitNote);
        Assert.Contains("against 1.000 by the model fitted on the search's rows", result.RefitNote);
        Assert.IsEmpty(result.Experiment.SetAside, "the search's rows are fewer than where the learner goes wrong");
        var data = CsvReader.Read(path, new CsvOptions { Label = "y" });
        using var onnx = OnnxScorer.Open(Path.Combine(result.OutputDir, JobOutputs.Model));
        Assert.IsGreaterThan(0.95, Accuracy(onnx.Predict(data), data), "model.onnx predicts the rows");
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(result.OutputDir, JobOutputs.Metrics)))!;
        Assert.AreEqual(result.SearchRows, (int)metrics["evaluation"]!["shipped_model_fitted_on_rows"]!);
        Assert.AreEqual(result.RefitNote, (string)metrics["evaluation"]!["refit_note"]!);
        Assert.AreEqual(result.SearchRows, (int)metrics["models"]![JobOutputs.Model]!["fitted_on_rows"]!);
        Assert.Contains("did not fit them", File.ReadAllText(Path.Combine(result.OutputDir, JobOutputs.Report)));
    }

    /// <summary>
    /// Four distinct rows repeated 400 times: each x has both labels, and only the repeats say which is likelier (a 70
    /// of 200 rows at x = 0, b 160 of 200 at x = 1). The job keeps them, as observations, and says how many there are.
    /// </summary>
    [TestMethod]
    public void Duplicate_rows_are_kept_as_observations_that_the_probabilities_count()
    {
        var path = FileIn("repeats.csv");
        var text = new StringBuilder("x,y\n");
        foreach (var (x, y, count) in new[] { (0, "a", 140), (0, "b", 60), (1, "a", 40), (1, "b", 160) })
            for (var i = 0; i < count; i++) text.Append(CultureInfo.InvariantCulture, $"{x},{y}\n");
        File.WriteAllText(path, text.ToString());
        var result = new AutoMLJob(Options(path)).Run();

        Assert.AreEqual(400, result.Rows);
        Assert.AreEqual(400, result.SearchRows);
        Assert.AreEqual(400, result.ShippedRows);
        Assert.Contains("kept 396 duplicate row(s) of the data as repeated observations", string.Join("\n", result.FixesApplied));
        using var onnx = OnnxScorer.Open(Path.Combine(result.OutputDir, JobOutputs.Model));
        var rows = new DataFrame([new NumericColumn("x", [0f, 1f])]);
        var predicted = onnx.Predict(rows);
        Assert.IsGreaterThan(0.6, ((NumericColumn)predicted[PredictionColumns.Probability("a")])[0], "a is the likelier label at x = 0");
        Assert.IsGreaterThan(0.6, ((NumericColumn)predicted[PredictionColumns.Probability("b")])[1], "b at x = 1");
    }

    [TestMethod]
    public void Small_data_keeps_every_row_for_the_search_and_reports_the_out_of_fold_figure()
    {
        var (path, _) = WriteTwoRuleData(rows: 400, minHoldoutRows: HoldoutRule.DefaultMinRows);
        var result = new AutoMLJob(Options(path)).Run();
        Assert.IsFalse(result.Holdout.HoldsOut);
        Assert.AreEqual(400, result.SearchRows);
        Assert.IsTrue(result.Figures.All(f => f.Rows == FigureRows.OutOfFold));
        var figure = result.Figures[0];
        Assert.AreEqual(400, figure.RowCount);
        Assert.AreEqual(result.Experiment.Score, figure.Scores[result.Experiment.Metric.ToString()]);
    }

    [TestMethod]
    public void A_job_asked_for_regression_regresses_a_rating_and_ships_a_regressor()
    {
        // A rating of 1 to 5 that follows x: by default five classes; asked for regression, values.
        var random = new Random(4);
        var path = FileIn("ratings.csv");
        File.WriteAllLines(path, ["x,y", .. Enumerable.Range(0, 300).Select(_ => random.NextDouble() * 4).Select(x =>
            FormattableString.Invariant($"{x:0.###},{Math.Round(1 + x + random.NextDouble() * 0.5)}"))]);
        var result = new AutoMLJob(Options(path) with { Task = TaskChoice.Regression }).Run();
        Assert.AreEqual(PredictionTask.Regression, result.Experiment.Task);
        Assert.AreEqual(Evaluation.Metric.R2, result.Experiment.Metric);
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(result.OutputDir, "metrics.json")))!;
        Assert.AreEqual("Regression", (string?)metrics["data"]!["task"]);
        Assert.IsGreaterThan(0.8, result.Experiment.Score);
    }

    [TestMethod]
    public void Metrics_json_gives_the_decision_rule_s_value_where_tuned_at_argmax_and_cross_fitted()
    {
        var (path, _) = WriteTwoRuleData(rows: 400, minHoldoutRows: HoldoutRule.DefaultMinRows);
        var result = new AutoMLJob(Options(path) with { Metric = Evaluation.Metric.MacroF1 }).Run();
        var rule = result.Experiment.Decision!.Rule!;
        Assert.IsNotNull(rule.HeldOutValue, "a rule tuned for macro-F1 is checked on rows it was not tuned on");

        var decision = JsonNode.Parse(File.ReadAllText(Path.Combine(result.OutputDir, JobOutputs.Metrics)))!["decision"]!;
        Assert.AreEqual(rule.Objective, (string)decision["tuned_for"]!);
        Assert.AreEqual(rule.Value, (double)decision["out_of_fold_value_where_tuned"]!, 1e-12);
        Assert.AreEqual(rule.ArgMaxValue, (double)decision["out_of_fold_value_at_argmax"]!, 1e-12);
        Assert.AreEqual(rule.HeldOutValue!.Value, (double)decision["out_of_fold_value_cross_fitted"]!, 1e-12);
        Assert.IsNull(decision["cv_value"], "the old name, which did not say the value was on the rows the rule was tuned on");
    }

    [TestMethod]
    public void A_test_file_measures_the_shipped_model_and_nothing_is_held_out()
    {
        var (path, _) = WriteTwoRuleData(rows: 800, minHoldoutRows: 100);
        var test = FileIn("test.csv");
        var lines = File.ReadAllLines(path);
        File.WriteAllLines(test, [lines[0], .. lines.Skip(1).Take(120)]);
        var result = new AutoMLJob(Options(path) with { MinHoldoutRows = 100, TestPath = test }).Run();

        Assert.IsFalse(result.Holdout.HoldsOut, "the test file replaces the holdout");
        Assert.AreEqual(800, result.SearchRows);
        var figure = result.Figures.Single(f => f.Rows == FigureRows.TestFile);
        Assert.AreEqual(JobOutputs.Model, figure.Model);
        Assert.AreEqual(120, figure.RowCount);
        Assert.AreEqual(800, figure.FittedRows);
        Assert.IsGreaterThan(0.95, figure.Scores["Accuracy"], "these rows are among the 800 the model was fitted on");
        Assert.Contains("test.csv", figure.Description);

        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(result.OutputDir, JobOutputs.Metrics)))!;
        Assert.AreEqual("test.csv", (string)metrics["evaluation"]!["test_file"]!);
        var json = metrics["figures"]!.AsArray().Single(f => (string)f!["rows"]! == "test_file")!;
        Assert.AreEqual(120, (int)json["row_count"]!);
        Assert.AreEqual(figure.Scores["MacroF1"], (double)json["scores"]!["macro_f1"]!, 1e-12);
        Assert.Contains("test.csv", result.Checks[0].RowsDescription, "model.onnx is checked on the test file");
    }

    [TestMethod]
    public void Model_onnx_becomes_an_ML_NET_model_and_its_check_records_the_device()
    {
        var (path, _) = WriteTwoRuleData(rows: 400, minHoldoutRows: HoldoutRule.DefaultMinRows);
        var result = new AutoMLJob(Options(path) with { MLNetModel = "two-rules.zip" }).Run();

        Assert.Contains("two-rules.zip", result.Outputs);
        var zip = Path.Combine(result.OutputDir, "two-rules.zip");
        Assert.IsTrue(File.Exists(zip));
        var mlContext = new Microsoft.ML.MLContext();
        var loaded = mlContext.Model.Load(zip, out var schema);
        Assert.IsNotNull(loaded);
        Assert.IsTrue(schema.GetColumnOrNull("x").HasValue, "the ML.NET model reads the raw columns");
        Assert.IsFalse(File.Exists(Path.Combine(result.OutputDir, JobOutputs.MLNetModel)), "only the name asked for");

        Assert.AreEqual(OnnxDevice.Cpu, result.Checks[0].Device);
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(result.OutputDir, JobOutputs.Metrics)))!;
        Assert.AreEqual("cpu", (string?)metrics["models"]![JobOutputs.Model]!["ort_device"]);
        CollectionAssert.Contains(metrics["outputs"]!.AsArray().Select(n => (string?)n).ToArray(), "two-rules.zip");

        var none = new AutoMLJob(Options(path) with { MLNetModel = null }).Run();
        Assert.IsFalse(none.Outputs.Any(o => o.EndsWith(".zip", StringComparison.Ordinal)), string.Join(", ", none.Outputs));
        Assert.IsFalse(File.Exists(zip), "a run that writes no ML.NET model removes the earlier run's");
    }

    [TestMethod]
    public void A_spreadsheets_export_learns_from_its_money_column_and_names_classes_written_two_ways()
    {
        // As a spreadsheet writes it: amounts with a dollar sign and thousands commas, unnamed empty columns at the end
        // of every row and a row of empty cells; the label decided by the amount, one class also written in lower case.
        var random = new Random(5);
        var path = FileIn("sheet.csv");
        var lines = new List<string> { "amount,y,," };
        for (var row = 0; row < 300; row++)
        {
            var amount = random.Next(100, 9_000);
            var y = amount > 4_000 ? (row % 10 == 0 ? "high" : "High") : "Low";
            lines.Add(FormattableString.Invariant($"\"${amount:N0}\",{y},,"));
            if (row == 150) lines.Add(",,,");
        }
        File.WriteAllLines(path, lines);
        var steps = new List<JobStep>();
        var result = new AutoMLJob(Options(path) with { Metric = Evaluation.Metric.Accuracy }).Run(e => { if (e is JobStep step) steps.Add(step); });

        Assert.AreEqual(300, result.Rows, "the row of empty cells is skipped like a blank line");
        // Accuracy: 'high' rows are a tenth of 'High' rows by chance, which no model tells apart; the majority class is 0.55.
        Assert.IsGreaterThan(0.85, result.Experiment.Score, "the amounts are numbers the model learns from, not text it ignores");
        Assert.IsFalse(result.FixesApplied.Any(f => f.Contains("ignored text column 'amount'", StringComparison.Ordinal)), string.Join("; ", result.FixesApplied));
        // What reading did is in the log and among the fixes (metrics.json, the report).
        string[] read = ["'amount' holds numbers written with currency, percent or thousands marks (300 values), read as numbers", "2 unnamed columns with no value left out; 1 row of empty cells skipped"];
        CollectionAssert.AreEqual(read, steps.Where(s => s.Phase == "read").Skip(1).Select(s => s.Detail).ToArray());
        CollectionAssert.IsSubsetOf(read, result.FixesApplied.ToArray());
        var note = steps.Single(s => s.Phase == "note").Detail;
        StringAssert.Contains(note, "('High' and 'high')");
        StringAssert.Contains(File.ReadAllText(Path.Combine(result.OutputDir, JobOutputs.Report)), "differ only in letter case or spaces");
    }

    [TestMethod]
    public void A_column_of_dates_is_learnt_from_by_its_parts_and_model_onnx_reads_the_dates()
    {
        // Orders placed on a weekend are 'weekend': only the day of the week, a part of the date, tells.
        var random = new Random(6);
        var start = new DateTime(2023, 1, 1);
        string Orders(int rows) => CsvIn($"orders-{rows}.csv", "ordered,amount,y", rows, () =>
        {
            var day = start.AddDays(random.Next(700)).AddMinutes(random.Next(1_440));
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            return FormattableString.Invariant($"{day:yyyy-MM-dd HH:mm},{random.Next(1, 500)},{(weekend ? "weekend" : "weekday")}");
        });
        var path = Orders(400);
        var result = new AutoMLJob(Options(path) with { Metric = Evaluation.Metric.Accuracy, TestPath = Orders(100) }).Run();
        Assert.IsGreaterThan(0.95, result.Experiment.Score, "the weekday part decides the label");
        var test = result.Figures.Single(f => f.Rows == FigureRows.TestFile && f.Model == JobOutputs.Model);
        Assert.AreEqual(100, test.RowCount);
        Assert.IsGreaterThan(0.95, test.Scores["Accuracy"], "the test file's dates are read as their parts too");

        using var onnx = OnnxScorer.Open(Path.Combine(result.OutputDir, JobOutputs.Model));
        var rows = ModelInputCsv.Read(path, onnx.Inputs, label: "y");
        Assert.IsGreaterThan(0.95, Accuracy(onnx.Predict(rows), rows), "model.onnx reads the same file's dates");

        var lines = File.ReadAllLines(path);
        lines[5] = "31/12/2023" + lines[5][lines[5].IndexOf(',', StringComparison.Ordinal)..];
        var bad = FileIn("orders-bad.csv");
        File.WriteAllLines(bad, lines);
        var e = Assert.Throws<Errors.SchemaException>(() => ModelInputCsv.Read(bad, onnx.Inputs, label: "y"));
        StringAssert.Contains(e.Message, "a part of the dates in column 'ordered', but not every value of 'ordered' here is a date");

        // Rows whose dates are all empty, or words, have nothing to read as dates: their parts are missing.
        var undated = FileIn("orders-undated.csv");
        File.WriteAllLines(undated, ["ordered,amount", ",12", "unknown,40"]);
        var parts = ModelInputCsv.Read(undated, onnx.Inputs);
        Assert.AreEqual(2, onnx.Predict(parts).RowCount);
        Assert.IsTrue(parts["ordered.weekday"].IsMissing(0) && parts["ordered.weekday"].IsMissing(1));
    }

    [TestMethod]
    public void A_column_of_clock_times_is_learnt_from_by_its_hour_and_model_onnx_reads_the_times()
    {
        // Calls after six in the evening are 'evening': only the time of day tells.
        var random = new Random(8);
        string Calls(string name, int rows) => CsvIn(name, "at,minutes,y", rows, () =>
        {
            var (hour, minute) = (random.Next(24), random.Next(60));
            return FormattableString.Invariant($"{hour:00}:{minute:00},{random.Next(1, 60)},{(hour >= 18 ? "evening" : "day")}");
        });
        var result = new AutoMLJob(Options(Calls("calls.csv", 300)) with { Metric = Evaluation.Metric.Accuracy, TestPath = Calls("calls-test.csv", 100) }).Run();
        Assert.IsGreaterThan(0.95, result.Figures.Single(f => f.Rows == FigureRows.TestFile && f.Model == JobOutputs.Model).Scores["Accuracy"]);
        CollectionAssert.Contains(result.FixesApplied.ToArray(), "'at' holds times of day, read as at.hour (hours since midnight)");

        using var onnx = OnnxScorer.Open(Path.Combine(result.OutputDir, JobOutputs.Model));
        var one = FileIn("one-call.csv");
        File.WriteAllLines(one, ["at,minutes", "9:05 PM,3"]);
        var rows = ModelInputCsv.Read(one, onnx.Inputs);
        Assert.AreEqual(21 + 5 / 60.0, rows.Numeric("at.hour")[0], 1e-4);
        Assert.AreEqual("evening", onnx.Predict(rows)[PredictionColumns.PredictedLabel].FormatValue(0));
        var bad = FileIn("bad-call.csv");
        File.WriteAllLines(bad, ["at,minutes", "9:05 PM,3", "9:65,4"]);
        var e = Assert.Throws<Errors.SchemaException>(() => ModelInputCsv.Read(bad, onnx.Inputs));
        StringAssert.Contains(e.Message, "not every value of 'at' here is a time of day or a duration (13:05, 1:05 PM, 36:15:00)");
        // Past midnight as a timetable writes it (25:30 for 1:30 the next night): hours since the day's midnight.
        File.WriteAllLines(one, ["at,minutes", "25:30,3"]);
        Assert.AreEqual(25.5, ModelInputCsv.Read(one, onnx.Inputs).Numeric("at.hour")[0], 1e-4);
    }

    [TestMethod]
    [DataRow("dd/MM/yyyy HH:mm", DateOrder.DayFirst, "06/04/2024 10:00", "04/26/2024 10:00", DisplayName = "day first, as a British spreadsheet writes them")]
    [DataRow("yy/MM/dd HH:mm", DateOrder.YearFirst, "24/04/06 10:00", "06/04/2024 10:00", DisplayName = "year first with two digits, as a Japanese one writes them short")]
    public void Dates_are_read_in_their_training_order_by_the_test_file_the_pipeline_file_and_model_onnx(string format, DateOrder order, string saturday, string otherOrder)
    {
        // Weekend orders again, the dates written in a local order.
        var random = new Random(7);
        var start = new DateTime(2023, 1, 1);
        string Orders(string name, int rows) => CsvIn(name, "ordered,amount,y", rows, () =>
        {
            var day = start.AddDays(random.Next(700)).AddMinutes(random.Next(1_440));
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            return string.Create(CultureInfo.InvariantCulture, $"{day.ToString(format, CultureInfo.InvariantCulture)},{random.Next(1, 500)},{(weekend ? "weekend" : "weekday")}");
        });
        var result = new AutoMLJob(Options(Orders("local.csv", 400)) with { Metric = Evaluation.Metric.Accuracy, TestPath = Orders("local-test.csv", 100) }).Run();
        Assert.IsGreaterThan(0.95, result.Figures.Single(f => f.Rows == FigureRows.TestFile && f.Model == JobOutputs.Model).Scores["Accuracy"]);
        var written = ColumnConventions.Describe(order);
        Assert.IsTrue(result.FixesApplied.Any(f => f.StartsWith($"'ordered' holds dates written {written}", StringComparison.Ordinal)));

        // One row whose numbers tell no order, Saturday the 6th of April 2024, and one written in another order.
        var one = FileIn("one.csv");
        File.WriteAllLines(one, ["ordered,amount", $"{saturday},12"]);
        var other = FileIn("other.csv");
        File.WriteAllLines(other, ["ordered,amount", $"{otherOrder},12"]);
        foreach (var scorer in Scorers(result))
        {
            using var disposed = scorer;
            Assert.AreEqual(order, scorer.Inputs.Single(i => i.Name == "ordered.weekday").DateOrder, scorer.GetType().Name);
            var rows = ModelInputCsv.Read(one, scorer.Inputs);
            Assert.AreEqual(5f, rows.Numeric("ordered.weekday")[0], "read in the order of the model's rows");
            Assert.AreEqual("weekend", scorer.Predict(rows)[PredictionColumns.PredictedLabel].FormatValue(0), scorer.GetType().Name);
            var e = Assert.Throws<Errors.SchemaException>(() => ModelInputCsv.Read(other, scorer.Inputs));
            StringAssert.Contains(e.Message, $"is a date written {written} as in the rows the model was fitted on");
        }
    }

    [TestMethod]
    public void Numbers_with_a_unit_are_read_in_that_unit_by_the_test_file_the_pipeline_file_and_model_onnx()
    {
        // Engine sizes written as a car listing writes them; a big engine is the class to learn.
        var random = new Random(11);
        string Cars(string name, int rows) => CsvIn(name, "engine,doors,y", rows, () =>
        {
            var cc = random.Next(800, 2_500);
            return FormattableString.Invariant($"{cc} CC,{random.Next(2, 6)},{(cc > 1_600 ? "big" : "small")}");
        });
        var result = new AutoMLJob(Options(Cars("cars.csv", 300)) with { Metric = Evaluation.Metric.Accuracy, TestPath = Cars("cars-test.csv", 80) }).Run();
        Assert.IsGreaterThan(0.95, result.Figures.Single(f => f.Rows == FigureRows.TestFile && f.Model == JobOutputs.Model).Scores["Accuracy"]);
        Assert.IsTrue(result.FixesApplied.Contains("'engine' holds numbers in 'CC', read without the unit"));

        // Rows to predict as a service gets them: some with the unit, some bare numbers, a word for a missing one.
        var mixed = FileIn("mixed.csv");
        File.WriteAllLines(mixed, ["engine,doors", "2400 CC,4", "900,2", "2000,3", "unknown,5"]);
        var litres = FileIn("litres.csv");
        File.WriteAllLines(litres, ["engine,doors", "2400 CC,4", "1.2 L,2"]);
        foreach (var scorer in Scorers(result))
        {
            using var disposed = scorer;
            Assert.AreEqual("CC", scorer.Inputs.Single(i => i.Name == "engine").Unit, scorer.GetType().Name);
            var rows = ModelInputCsv.Read(mixed, scorer.Inputs);
            CollectionAssert.AreEqual(new[] { 2400f, 900f, 2000f, float.NaN }, rows.Numeric("engine").Values.ToArray());
            var predicted = scorer.Predict(rows)[PredictionColumns.PredictedLabel];
            CollectionAssert.AreEqual(new[] { "big", "small", "big" }, Enumerable.Range(0, 3).Select(predicted.FormatValue).ToArray(), scorer.GetType().Name);

            // Litres are no cubic centimetres: an error naming the row and the unit, never 1.2 read as 1.2 CC.
            var e = Assert.Throws<Errors.DataFormatException>(() => ModelInputCsv.Read(litres, scorer.Inputs));
            Assert.AreEqual(3, e.Line);
            StringAssert.Contains(e.Message, "this value is not a number in 'CC', the unit of 'engine' in the rows the model was fitted on");
        }
    }

    [TestMethod]
    public void Points_between_thousands_are_kept_with_the_model_so_a_single_row_reads_as_the_training_file_did()
    {
        // Incomes as a German spreadsheet writes them (1.234,50); a high income is the class to learn.
        var random = new Random(12);
        var path = FileIn("einkommen.csv");
        File.WriteAllLines(path, ["Einkommen;Alter;y", .. Enumerable.Range(0, 300).Select(_ =>
        {
            int euros = random.Next(800, 9_000), cents = random.Next(0, 100);
            var written = euros >= 1_000 ? FormattableString.Invariant($"{euros / 1_000}.{euros % 1_000:000},{cents:00}") : FormattableString.Invariant($"{euros},{cents:00}");
            return FormattableString.Invariant($"{written};{random.Next(18, 70)};{(euros > 4_000 ? "hoch" : "niedrig")}");
        })]);
        var result = new AutoMLJob(Options(path) with { Metric = Evaluation.Metric.Accuracy }).Run();
        Assert.IsTrue(result.FixesApplied.Any(f => f.StartsWith("'Einkommen' holds numbers written with currency, percent or thousands marks", StringComparison.Ordinal)
            && f.Contains("points between thousands and a decimal comma (1.234,5), so 1.234 reads as 1234", StringComparison.Ordinal)), string.Join("\n", result.FixesApplied));

        // One row to predict, its income a whole number of euros: nothing in it tells that the point groups thousands.
        var single = FileIn("single.csv");
        File.WriteAllLines(single, ["Einkommen;Alter", "8.500;40"]);
        foreach (var scorer in Scorers(result))
        {
            using var disposed = scorer;
            Assert.IsTrue(scorer.Inputs.Single(i => i.Name == "Einkommen").PointsGroupThousands, scorer.GetType().Name);
            var rows = ModelInputCsv.Read(single, scorer.Inputs);
            Assert.AreEqual(8500f, rows.Numeric("Einkommen")[0], scorer.GetType().Name);
            Assert.AreEqual("hoch", scorer.Predict(rows)[PredictionColumns.PredictedLabel].FormatValue(0), scorer.GetType().Name);
        }
    }

    [TestMethod]
    public void Magnitudes_are_kept_with_the_model_so_rows_all_in_one_magnitude_read_as_the_training_file_did()
    {
        // App sizes as a store lists them (201k, 19M); a large app is the class to learn.
        var random = new Random(13);
        var path = CsvIn("apps.csv", "size,rating,y", 300, () =>
        {
            var kb = random.Next(50, 60_000);
            var written = kb >= 1_000 ? FormattableString.Invariant($"{kb / 1_000.0:0.#}M") : FormattableString.Invariant($"{kb}k");
            return FormattableString.Invariant($"{written},{random.Next(1, 6)},{(kb > 20_000 ? "large" : "small")}");
        });
        var result = new AutoMLJob(Options(path) with { Metric = Evaluation.Metric.Accuracy }).Run();
        Assert.IsTrue(result.FixesApplied.Any(f => f.StartsWith("'size' holds numbers written with magnitudes (k: thousands, M: millions;", StringComparison.Ordinal)),
            string.Join("\n", result.FixesApplied));

        // Rows to predict whose sizes are all in megabytes: alone they would read as numbers in a unit 'M'.
        ReadWithEachScorer(result, ["size,rating", "45M,3", "2.5M,4"], (scorer, rows, _) =>
        {
            Assert.IsTrue(scorer.Inputs.Single(i => i.Name == "size").Magnitudes, scorer.GetType().Name);
            CollectionAssert.AreEqual(new[] { 45e6f, 2.5e6f }, rows.Numeric("size").Values.ToArray(), scorer.GetType().Name);
            CollectionAssert.AreEqual(new[] { "large", "small" }, Enumerable.Range(0, 2).Select(r => scorer.Predict(rows)[PredictionColumns.PredictedLabel].FormatValue(r)).ToArray());
        });
    }

    [TestMethod]
    public void NA_as_a_code_is_kept_with_the_model_so_rows_of_NA_alone_read_as_the_training_file_did()
    {
        // Sales regions, NA for North America; deals there are large.
        var random = new Random(14);
        string[] regions = ["NA", "EU", "APAC", "LATAM"];
        var path = CsvIn("deals.csv", "region,seats,y", 300, () =>
        {
            var region = regions[random.Next(regions.Length)];
            return FormattableString.Invariant($"{region},{random.Next(1, 50)},{(region == "NA" ? "large" : "small")}");
        });
        var result = new AutoMLJob(Options(path) with { Metric = Evaluation.Metric.Accuracy }).Run();
        Assert.IsTrue(result.FixesApplied.Any(f => f.StartsWith("'region' holds 'NA' among codes", StringComparison.Ordinal)), string.Join("\n", result.FixesApplied));

        // A batch from North America alone: with nothing else to tell, its NA is still the code.
        ReadWithEachScorer(result, ["region,seats", "NA,3", "NA,40"], (scorer, rows, _) =>
        {
            Assert.IsTrue(scorer.Inputs.Single(i => i.Name == "region").NACode, scorer.GetType().Name);
            Assert.IsFalse(rows["region"].IsMissing(0), scorer.GetType().Name);
            Assert.AreEqual("large", scorer.Predict(rows)[PredictionColumns.PredictedLabel].FormatValue(1), scorer.GetType().Name);
        });
    }

    [TestMethod]
    public void Rows_to_predict_of_categories_the_model_never_saw_are_named_with_each_scorer()
    {
        var random = new Random(15);
        string[] plans = ["basic", "pro", "team"];
        // 'tier' is one value throughout, a column the model drops: a tier it never saw changes nothing and is not named.
        var path = CsvIn("plans.csv", "plan,seats,tier,y", 200, () =>
        {
            var plan = plans[random.Next(plans.Length)];
            return FormattableString.Invariant($"{plan},{random.Next(1, 50)},gold,{(plan == "basic" ? "churn" : "stay")}");
        });
        // A test file with a plan the data file lacks: the job's log names it too, and not the tier the model does not read.
        var test = FileIn("plans-test.csv");
        File.WriteAllLines(test, ["plan,seats,tier,y", "basic,3,gold,churn", "pro,4,silver,stay", "enterprise,9,gold,stay", "team,2,gold,stay"]);
        var steps = new List<JobStep>();
        var result = new AutoMLJob(Options(path) with { TestPath = test }).Run(e => { if (e is JobStep step) steps.Add(step); });
        var unseen = steps.Where(s => s.Detail.Contains("never saw", StringComparison.Ordinal)).ToArray();
        Assert.AreEqual("'plan' holds a category that the rows the model was fitted on did not ('enterprise' (1)): the model scores that row as it scores a category it never saw",
            unseen.Single().Detail);
        Assert.AreEqual("check", unseen.Single().Phase, "told once the model, and so the columns it reads, is known");

        ReadWithEachScorer(result, ["plan,seats,tier", "enterprise,3,gold", "pro,40,silver", "enterprise,7,gold", "trial,1,gold", ",2,gold"], (scorer, rows, notes) =>
        {
            CollectionAssert.AreEquivalent(plans, scorer.Inputs.Single(i => i.Name == "plan").Categories!.ToArray(), scorer.GetType().Name);
            Assert.IsNull(scorer.Inputs.Single(i => i.Name == "tier").Categories, scorer.GetType().Name);
            Assert.AreEqual("'plan' holds 2 categories that the rows the model was fitted on did not ('enterprise' (2), 'trial' (1)): " +
                "the model scores those 3 rows as it scores a category it never saw", notes.Single(), scorer.GetType().Name);
        });
        ReadWithEachScorer(result, ["plan,seats,tier", "team,3,gold", "basic,40,silver", ",5,gold"], (scorer, _, notes) => Assert.IsEmpty(notes, scorer.GetType().Name));
    }

    [TestMethod]
    public void A_workbook_is_learnt_from_tested_on_and_predicted_like_a_csv_file()
    {
        var random = new Random(9);
        object?[]?[] Rows(int count) => [["x", "when", "y"], .. Enumerable.Range(0, count).Select(_ =>
        {
            var x = random.NextDouble();
            return new object?[] { x, new DateTime(2024, 1, 1).AddDays(random.Next(300)), x > 0.5 ? "high" : "low" };
        })];
        // One workbook as people keep one: a sheet of notes first, then the rows to learn from and the rows to test on;
        // the sheet 'Unknown' has in its row 4 a class the data does not have.
        var book = FileIn("book.xlsx");
        object?[]?[] gaps = [.. Rows(40)];
        gaps[2] = [0.3, new DateTime(2024, 3, 3), null];
        WorkbookFile.Write(book, ("Notes", [["read me"]]), ("Train", Rows(200)), ("Test", Rows(60)),
            ("Unknown", [["x", "when", "y"], [0.1, new DateTime(2024, 3, 1), "low"], null, [0.9, new DateTime(2024, 3, 2), "middle"]]), ("Gaps", gaps));
        var result = new AutoMLJob(Options(book) with { Sheet = "train", TestPath = book, TestSheet = "Test" }).Run();
        Assert.AreEqual(60, result.Figures.Single(f => f.Rows == FigureRows.TestFile && f.Model == JobOutputs.Model).RowCount);
        StringAssert.Contains(File.ReadAllText(Path.Combine(result.OutputDir, JobOutputs.Metrics)), "\"sheet\": \"train\"");

        using var onnx = OnnxScorer.Open(Path.Combine(result.OutputDir, JobOutputs.Model));
        CollectionAssert.Contains(onnx.Inputs.Select(i => i.Name).ToArray(), "when.month", "the sheet's date cells are dates");
        var rows = ModelInputCsv.Read(book, onnx.Inputs, label: "y", sheet: "Test");
        Assert.IsGreaterThan(0.9, Accuracy(onnx.Predict(rows), rows));

        var error = Assert.Throws<Errors.DataFormatException>(() => new AutoMLJob(Options(book) with { Sheet = "Train", TestPath = book, TestSheet = "Unknown" }).Run());
        Assert.AreEqual(4, error.Line, "row 4 of the sheet named");
        StringAssert.StartsWith(error.Message, $"{book}, sheet 'Unknown':4, column 'y', value 'middle'", "the test file is named with its sheet, as the reader names it");
        StringAssert.Contains(error.Message, "book.xlsx, sheet 'Train', so the model cannot predict it", "the data is named with the sheet learnt from");
        // Read without a sheet named, the workbook's first sheet lacks the columns: the errors say which sheet was read.
        var first = Assert.Throws<Errors.SchemaException>(() => ModelInputCsv.Read(book, onnx.Inputs));
        StringAssert.EndsWith(first.Message, "Its first sheet, 'Notes', was read; the others are 'Train', 'Test', 'Unknown', 'Gaps': name the sheet to read another (--sheet on the command line, ModelInputCsv.Read's sheet in code).");
        var firstTest = Assert.Throws<Errors.DataFormatException>(() => new AutoMLJob(Options(book) with { Sheet = "Train", TestPath = book }).Run());
        StringAssert.StartsWith(firstTest.Message, $"{book}, sheet 'Notes':1, column 'x'", "the sheet read without one named");
        StringAssert.Contains(firstTest.Message, "the test file has no column 'x'");
        StringAssert.Contains(firstTest.Message, "Its first sheet, 'Notes', was read; the others are 'Train', 'Test', 'Unknown', 'Gaps': name the sheet to read another (--test-sheet on the command line, AutoMLJobOptions.TestSheet in code)");
        var noSheet = Assert.Throws<Errors.DataFormatException>(() => new AutoMLJob(Options(book) with { Sheet = "Data" }).Run());
        StringAssert.Contains(noSheet.Message, "the workbook has no sheet 'Data'; its sheets are 'Notes', 'Train', 'Test', 'Unknown', 'Gaps'");
        var unlabelled = Assert.Throws<Errors.DataFormatException>(() => new AutoMLJob(Options(book) with { Sheet = "Gaps" }).Run());
        StringAssert.StartsWith(unlabelled.Message, $"{book}, sheet 'Gaps':3, column 'y'", "the data's checks name the sheet and its row");
    }

    [TestMethod]
    public void Ignored_columns_are_neither_read_by_the_model_nor_needed_to_predict()
    {
        // 'outcome_code' is the label written another way (a leak), 'when' a column of dates ignored by its own name.
        var random = new Random(8);
        var path = FileIn("leaky.csv");
        File.WriteAllLines(path, ["x,outcome_code,when,y", .. Enumerable.Range(0, 300).Select(row =>
        {
            var x = random.NextDouble();
            var y = x + 0.3 * random.NextDouble() > 0.65 ? "b" : "a";
            return FormattableString.Invariant($"{x:0.###},{(y == "b" ? 1 : 0)},2024-01-{1 + row % 28:00},{y}");
        })]);
        var result = new AutoMLJob(Options(path) with { Ignore = ["outcome_code", "when"] }).Run();
        using var onnx = OnnxScorer.Open(Path.Combine(result.OutputDir, JobOutputs.Model));
        CollectionAssert.AreEqual(new[] { "x" }, onnx.Inputs.Select(i => i.Name).ToArray(), "the model reads only what is left");
        Assert.IsLessThan(0.99, result.Experiment.Score, "without the leak the label is not known for sure");
        CollectionAssert.Contains(result.FixesApplied.ToArray(), "left out by --ignore: 'outcome_code', 'when'");

        var rows = FileIn("rows.csv");
        File.WriteAllLines(rows, ["x", "0.1", "0.9"]);
        Assert.AreEqual(2, onnx.Predict(ModelInputCsv.Read(rows, onnx.Inputs)).RowCount, "rows without the ignored columns predict");

        var unknown = Assert.Throws<Errors.PipelineException>(() => new AutoMLJob(Options(path) with { Ignore = ["Outcome_Code"] }).Run());
        StringAssert.Contains(unknown.Message, "The header has 'outcome_code'");
        var label = Assert.Throws<Errors.PipelineException>(() => new AutoMLJob(Options(path) with { Ignore = ["y"] }).Run());
        StringAssert.Contains(label.Message, "--ignore names the label 'y'");
    }

    [TestMethod]
    public void A_time_budget_is_split_before_the_search_and_the_search_gets_its_share_only()
    {
        // 1,600 rows leave 1,200 to the search: more than ValidationPlan.RepeatedRows, so a trial is 5 folds, not a
        // repeated 15, and a first fold slowed by the test projects running side by side on two cores (it also compiles
        // the learner's code) does not make PaceGuard stop the only trial for the search's share of ten seconds.
        const int rows = 1_600;
        var (path, _) = WriteTwoRuleData(rows, minHoldoutRows: 100);
        var result = new AutoMLJob(Options(path) with { MinHoldoutRows = 100, MaxTrials = null, Time = TimeSpan.FromSeconds(10) }).Run();
        var budget = result.Budget!;
        Assert.AreEqual(10, (budget.Spent + budget.Search + budget.AfterSearch).TotalSeconds, 1e-6);
        Assert.IsGreaterThan(TimeSpan.Zero, budget.AfterSearch);
        Assert.AreEqual(1_200, result.SearchRows);
        Assert.AreEqual((double)rows / result.SearchRows, budget.RefitAfterRun, 1e-12);
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(result.OutputDir, JobOutputs.Metrics)))!;
        Assert.AreEqual(budget.Search.TotalSeconds, (double)metrics["search"]!["budget_seconds"]!, 1e-9);
        Assert.AreEqual(budget.Search.TotalSeconds, (double)metrics["budget"]!["search_seconds"]!, 1e-9);
        CollectionAssert.IsSubsetOf(new[] { "search", "refit on all rows", "save and export", "ONNX check", "report" },
            result.Phases.Select(p => p.Key).ToArray());

        // Each phase's peak resident memory so far: one per phase, positive, never falling, and in metrics.json.
        CollectionAssert.AreEqual(result.Phases.Select(p => p.Key).ToArray(), result.PhasePeaks.Select(p => p.Key).ToArray());
        var peaks = result.PhasePeaks.Select(p => p.Value).ToArray();
        Assert.IsGreaterThan(0L, peaks[0]);
        for (var i = 1; i < peaks.Length; i++) Assert.IsGreaterThanOrEqualTo(peaks[i - 1], peaks[i], result.PhasePeaks[i].Key);
        Assert.AreEqual(peaks[^1], (long)metrics["phases_peak_resident_bytes"]![result.PhasePeaks[^1].Key]!);
    }

    /// <summary>The job's model.onnx and pipeline file, opened as a service would open them; the caller disposes each.</summary>
    private static IModelScorer[] Scorers(AutoMLJobResult result) =>
        [OnnxScorer.Open(Path.Combine(result.OutputDir, JobOutputs.Model)), PipelineScorer.Open(Path.Combine(result.OutputDir, JobOutputs.Pipeline))];

    /// <summary>
    /// Reads a file of <paramref name="lines"/> (a header and rows to predict) as each of <see cref="Scorers"/> would and
    /// hands the rows and the reading's notes to <paramref name="check"/>.
    /// </summary>
    private void ReadWithEachScorer(AutoMLJobResult result, string[] lines, Action<IModelScorer, DataFrame, IReadOnlyList<string>> check)
    {
        var batch = FileIn("batch.csv");
        File.WriteAllLines(batch, lines);
        foreach (var scorer in Scorers(result))
        {
            using var disposed = scorer;
            var notes = new List<string>();
            check(scorer, ModelInputCsv.Read(batch, scorer.Inputs, notes: notes), notes);
        }
    }

    private AutoMLJobOptions Options(string path) => new()
    {
        DataPath = path,
        Label = "y",
        OutputDir = FileIn("out"),
        MaxTrials = 2,
        Parallelism = 1,
        Learners = Gbdt,
        Student = false,
        Seed = 3,
    };

    /// <summary>
    /// Writes rows whose label is decided before their features; the rows the job will hold out (the split depends on
    /// the labels only) get x in [2, 3] with the label flipping at 2.5, the others x in [0, 1] flipping at 0.5.
    /// </summary>
    private (string Path, int[] HeldOut) WriteTwoRuleData(int rows, int minHoldoutRows)
    {
        var random = new Random(11);
        var labels = Enumerable.Range(0, rows).Select(_ => random.Next(2) == 0 ? "a" : "b").ToArray();
        var path = FileIn("data.csv");
        File.WriteAllText(path, "y\n" + string.Join("\n", labels) + "\n");
        var labelOnly = LabelTask.WithClassLabel(CsvReader.Read(path, new CsvOptions { Label = "y" }));
        var heldOut = HoldoutRule.Choose(labelOnly, 0.25, minHoldoutRows, seed: 3, testFile: false).Split?.Test ?? [];
        var isHeldOut = heldOut.ToHashSet();
        var text = new StringBuilder("x,noise,y\n");
        for (var row = 0; row < rows; row++)
        {
            var offset = isHeldOut.Contains(row) ? 2.0 : 0.0;
            var x = offset + (labels[row] == "a" ? 0.0 : 0.5) + 0.45 * random.NextDouble() + 0.025;
            text.Append(CultureInfo.InvariantCulture, $"{x:0.####},{random.NextDouble():0.####},{labels[row]}\n");
        }
        File.WriteAllText(path, text.ToString());
        return (path, heldOut);
    }

    private static double Accuracy(DataFrame predicted, DataFrame rows)
    {
        var labels = predicted[PredictionColumns.PredictedLabel];
        var actual = rows.Label!;
        var hits = Enumerable.Range(0, rows.RowCount).Count(r => labels.FormatValue(r) == actual.FormatValue(r));
        return hits / (double)rows.RowCount;
    }
}
