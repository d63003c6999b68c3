using System.Diagnostics;
using System.Globalization;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.IO;
using Pipelines.Sampling;
using Pipelines.Trainers.Gan;
using Pipelines.Trainers.Gan.Quality;
using Pipelines.Trainers.Gan.Training;
using Pipelines.Trainers.Trees;
using Pipelines.Transforms.Cleaning;

namespace Pipelines.Bench.Gan;

/// <summary>
/// GBDT on data/messy_churn.csv (label 'churned', about 8% minority) after no rebalancing, SMOTE-NC, and CTGAN
/// over-sampling (<see cref="GanOverSample"/>), on one seeded stratified 75/25 split: test macro-F1 and balanced
/// accuracy side by side, then the synthetic-quality report of a GAN with the same options trained on the training rows.
/// Cleaning first: DropDuplicateRows, DropConstantColumns, ImputeMissing; customer_id, notes and any other text column dropped.
/// Arguments: [epochs (default 300)] [data dir].
/// </summary>
public sealed class GanRebalanceBench : IBench
{
    public string Name => "gan-rebalance";

    public string Description => "GBDT on messy_churn after no rebalancing / SMOTE-NC / CTGAN oversampling, plus GAN quality report";

    public int Run(string[] args)
    {
        var epochs = BenchOptions.Int(args, 0, "epochs", 300);
        var dataDir = args.Length > 1 ? args[1] : Trees.GbdtQualityBench.FindDataDirectory();
        var data = CleanChurn(dataDir);
        var fold = Split.TrainTest(data, 0.25, seed: 42);
        var train = data.Take(fold.Train);
        var test = data.Take(fold.Test);
        var counts = train.Categorical("churned").CountPerCategory();
        Console.WriteLine($"train {train.RowCount} rows ({string.Join(" / ", train.Categorical("churned").Categories.Select((c, i) => $"{c} {counts[i]}"))}), test {test.RowCount}");

        var gan = new GanOptions { Epochs = epochs, Seed = 0 };
        var progress = new ConsoleProgress(Math.Max(1, epochs / 5));
        var variants = new (string Name, IEstimator<ITransformer>? Sampler)[]
        {
            ("none", null),
            ("SMOTE-NC (k=5)", new SmoteNc { Seed = 0 }),
            ($"CTGAN oversampling ({epochs} epochs)", new GanOverSample { Gan = gan, Seed = 0, Progress = progress }),
        };
        Console.WriteLine();
        Console.WriteLine("| rebalancing | train rows | macro-F1 | balanced accuracy | ROC AUC | resample s |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var (name, sampler) in variants)
        {
            var watch = Stopwatch.StartNew();
            var rows = sampler is null ? train : sampler.FitTransform(train).Output;
            var seconds = watch.Elapsed.TotalSeconds;
            var model = new GbdtClassifier { Seed = 0, Threads = 2 }.Fit(rows);
            var p = model.Predict(test);
            var actual = test.Categorical("churned").Recode(model.Classes).Codes.ToArray();
            var predicted = ClassificationMetrics.ArgMax(p, model.Classes.Count);
            var k = model.Classes.Count;
            var positive = new float[test.RowCount];
            for (var i = 0; i < positive.Length; i++) positive[i] = p[i * k + 1];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {rows.RowCount} | {ClassificationMetrics.MacroF1(actual, predicted, k):F4} | {ClassificationMetrics.BalancedAccuracy(actual, predicted, k):F4} | {RankingMetrics.RocAuc(actual, positive):F4} | {seconds:F1} |"));
        }

        Console.WriteLine();
        var watchQ = Stopwatch.StartNew();
        var synthesizer = new TabularSynthesizer { Gan = gan }.Fit(train);
        var synthetic = synthesizer.Sample(train.RowCount, seed: 1);
        var report = SyntheticQuality.Evaluate(train, synthetic, test, seed: 0);
        Console.WriteLine($"GAN synthetic copy of the training rows ({synthetic.RowCount} rows, {watchQ.Elapsed.TotalSeconds:F1} s incl. training):");
        Console.WriteLine("| column | KS / TV |");
        Console.WriteLine("| --- | --- |");
        foreach (var (column, ks) in report.ColumnKs) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {column} (KS) | {ks:F3} |"));
        foreach (var (column, tv) in report.ColumnTv) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {column} (TV) | {tv:F3} |"));
        Console.WriteLine(report.ToString());
        return 0;
    }

    /// <summary>
    /// data/messy_churn.csv under <paramref name="dataDir"/>, label 'churned', cleaned as the class notes say (also the
    /// gan-step bench's table); prints the rows and features kept.
    /// </summary>
    internal static DataFrame CleanChurn(string dataDir)
    {
        var raw = CsvReader.Read(Path.Combine(dataDir, "messy_churn.csv")).WithLabel("churned");
        var data = LabelTask.WithClassLabel(raw).Without("customer_id", "notes");
        data = new DropDuplicateRows().FitTransform(data).Output;
        data = new DropConstantColumns().FitTransform(data).Output;
        data = new ImputeMissing().FitTransform(data).Output;
        var text = data.Columns.OfType<TextColumn>().Select(c => c.Name).ToArray();
        data = data.Without(text);
        Console.WriteLine($"messy_churn after cleaning: {data.RowCount} rows, features {string.Join(", ", data.Features.Select(c => c.Name))}" +
            (text.Length > 0 ? $"; text dropped: {string.Join(", ", text)}" : ""));
        return data;
    }

    /// <summary>Each GAN epoch's losses on stderr, every <c>every</c> epochs and at the last (also gan-suite's progress).</summary>
    internal sealed class ConsoleProgress(int every) : IProgress<GanProgress>
    {
        public void Report(GanProgress value)
        {
            if (value.Epoch % every == 0 || value.Epoch == value.Epochs)
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  epoch {value.Epoch}/{value.Epochs}: G {value.GeneratorLoss:F3}, D {value.CriticLoss:F3}"));
        }
    }
}
