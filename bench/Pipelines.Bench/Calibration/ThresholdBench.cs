using System.Diagnostics;
using System.Globalization;
using Pipelines.Calibration;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.IO;
using Pipelines.Prediction;
using Pipelines.Trainers.Trees;
using Pipelines.Transforms.Cleaning;

namespace Pipelines.Bench.Calibration;

/// <summary>
/// Default GBDT on data/messy_churn.csv (8.2% 'yes') with its plain argmax (threshold 0.5) next to the same model with
/// the calibration and a macro-F1 threshold chosen from 5-fold out-of-fold predictions on the training part
/// (<see cref="CalibratedClassifier"/>): test macro-F1, balanced accuracy, ROC AUC and log loss side by side. First in
/// detail on the split of bench gan-rebalance (cleaned the same way, seed 42), then summed up over several split seeds,
/// for the cleaned data and for the raw columns (text dropped only). Arguments: [split seeds (default 8)] [data dir].
/// </summary>
public sealed class ThresholdBench : IBench
{
    public string Name => "threshold";

    public string Description => "GBDT on messy_churn: argmax vs calibrated probabilities and a tuned macro-F1 threshold";

    public int Run(string[] args)
    {
        var seeds = BenchOptions.Int(args, 0, "seeds", 8);
        var dataDir = args.Length > 1 ? args[1] : Trees.GbdtQualityBench.FindDataDirectory();
        var raw = LabelTask.WithClassLabel(CsvReader.Read(Path.Combine(dataDir, "messy_churn.csv")).WithLabel("churned"));
        raw = raw.Without([.. raw.Features.Where(c => c.Kind == ColumnKind.Text).Select(c => c.Name)]);
        var cleaned = new DropDuplicateRows().FitTransform(raw).Output;
        cleaned = new DropConstantColumns().FitTransform(cleaned).Output;
        cleaned = new ImputeMissing().FitTransform(cleaned).Output;

        Console.WriteLine($"messy_churn cleaned as gan-rebalance: {cleaned.RowCount} rows; split seed 42, GBDT defaults (seed 0, 2 threads)");
        var detail = Evaluate(cleaned, 42, verbose: true);
        Console.WriteLine();
        Console.WriteLine("| test rows | macro-F1 | balanced accuracy | ROC AUC | log loss | predicted 'yes' |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        Console.WriteLine(detail.Plain.Row("GBDT, argmax (0.5)"));
        Console.WriteLine(detail.Tuned.Row("GBDT + DecisionStep"));

        foreach (var (name, data) in new[] { ("cleaned", cleaned), ("raw columns", raw) })
        {
            var results = Enumerable.Range(0, seeds).Select(i => Evaluate(data, 42 + i, verbose: false)).ToList();
            Console.WriteLine();
            Console.WriteLine($"{name}: {seeds} split seeds (42..{42 + seeds - 1}), test rows");
            Console.WriteLine("| seed | macro-F1 argmax | macro-F1 tuned | balanced acc. argmax | balanced acc. tuned | ROC AUC argmax | ROC AUC tuned | calibration |");
            Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
            for (var i = 0; i < results.Count; i++)
            {
                var (plain, tuned) = (results[i].Plain, results[i].Tuned);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {42 + i} | {plain.MacroF1:F4} | {tuned.MacroF1:F4} | {plain.BalancedAccuracy:F4} | {tuned.BalancedAccuracy:F4} | {plain.Auc:F4} | {tuned.Auc:F4} | {results[i].Calibration} |"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| mean | {results.Average(r => r.Plain.MacroF1):F4} | {results.Average(r => r.Tuned.MacroF1):F4} | {results.Average(r => r.Plain.BalancedAccuracy):F4} | " +
                $"{results.Average(r => r.Tuned.BalancedAccuracy):F4} | {results.Average(r => r.Plain.Auc):F4} | {results.Average(r => r.Tuned.Auc):F4} | " +
                $"macro-F1 up on {results.Count(r => r.Tuned.MacroF1 > r.Plain.MacroF1)}/{seeds}, balanced acc. up on {results.Count(r => r.Tuned.BalancedAccuracy > r.Plain.BalancedAccuracy)}/{seeds} |"));
        }
        return 0;
    }

    private static (Scores Plain, Scores Tuned, CalibrationMethod Calibration) Evaluate(DataFrame data, int seed, bool verbose)
    {
        var fold = Split.TrainTest(data, 0.25, seed);
        var (train, test) = (data.Take(fold.Train), data.Take(fold.Test));
        var watch = Stopwatch.StartNew();
        var estimator = new CalibratedClassifier(new GbdtClassifier { Seed = 0, Threads = 2 }) { Seed = 42, Objective = DecisionObjective.Maximize(Metric.MacroF1) };
        var (model, decision) = estimator.FitWithReport(train);
        if (verbose)
        {
            var rule = (ThresholdRule)decision.Step.Rule;
            var curve = decision.Rule!.Curve!;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"fit (5 out-of-fold GBDTs + the final one): {watch.Elapsed.TotalSeconds:F1} s; train {train.RowCount} rows, test {test.RowCount}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"out-of-fold log loss by calibration: {string.Join(", ", decision.Calibration.LogLoss.Select(p => $"{p.Key} {p.Value:F4}"))} -> {decision.Calibration.Method}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"threshold P({decision.Step.Classes[rule.PositiveClass]}) >= {rule.Threshold:F4}: out-of-fold macro-F1 {curve.Chosen.Value:F4} (argmax {curve.Default.Value:F4})"));
            Console.WriteLine("out-of-fold macro-F1 by threshold: " + string.Join(", ",
                curve.Points.Where((_, i) => i % 5 == 0 && i <= 50).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Threshold:F2} {p.Value:F3}"))));
        }
        var plain = Scores.Of(new TransformerChain(model.Steps.SkipLast(1).ToList()), test);
        return (plain, Scores.Of(model, test), decision.Calibration.Method);
    }

    private sealed record Scores(double MacroF1, double BalancedAccuracy, double Auc, double LogLoss, int PredictedYes)
    {
        public static Scores Of(TransformerChain model, DataFrame test)
        {
            var output = model.Transform(test);
            var predicted = output.Categorical(PredictionColumns.PredictedLabel);
            var classes = predicted.Categories;
            var actual = test.Categorical("churned").Recode(classes).Codes.ToArray();
            var codes = predicted.Codes.ToArray();
            var probabilities = FeatureMatrix.RowMajor(output, [.. classes.Select(PredictionColumns.Probability)]);
            var yes = classes.ToList().IndexOf("yes");
            var positive = actual.Select(a => a == yes ? 1 : 0).ToArray();
            var scores = Enumerable.Range(0, test.RowCount).Select(r => probabilities[r * classes.Count + yes]).ToArray();
            return new Scores(
                ClassificationMetrics.MacroF1(actual, codes, classes.Count), ClassificationMetrics.BalancedAccuracy(actual, codes, classes.Count),
                RankingMetrics.RocAuc(positive, scores), ProbabilisticMetrics.LogLoss(actual, probabilities, classes.Count), codes.Count(c => c == yes));
        }

        public string Row(string name) => string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {MacroF1:F4} | {BalancedAccuracy:F4} | {Auc:F4} | {LogLoss:F4} | {PredictedYes} |");
    }
}
