using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.Reporting;
using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Store;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.Profiling;
using StoreBoard = Pipelines.AutoML.Store.Leaderboard;
using StudentTable = Pipelines.AutoML.Student.CompressionTable;

namespace Pipelines.AutoML.Job;

/// <summary>Gathers the job's numbers into the report's sections (<see cref="ReportData"/>).</summary>
internal sealed class ReportBuilder(AutoMLJobOptions options, ExperimentTarget target, Fold split, DataFrame test)
{
    /// <summary>Permutation repeats per feature: enough for a stable ranking at a few seconds' cost.</summary>
    private const int ImportanceRepeats = 3;

    public ReportData Build(
        AutoMLJobResult result, DataProfile profile, DataFrame cleanTrain, ITransformer model, StoreBoard board,
        StudentTable? compression, ThresholdCurve? threshold)
    {
        var experiment = result.Experiment;
        var output = model.Transform(test);
        var predictions = Predict(output);
        var actual = ActualCodes();
        var curves = target.IsClassification ? OneVsRest(actual, predictions).ToArray() : [];
        return new ReportData
        {
            Header = new ReportHeader($"AutoML: {Path.GetFileName(options.DataPath)} → {options.Label}", Path.GetFileName(options.DataPath),
                options.Label, experiment.Task.ToString(), DateTimeOffset.UtcNow, result.Elapsed, options.MaxTrials is null ? options.Time : null),
            Profile = profile,
            FixesApplied = result.FixesApplied,
            ClassBalance = target.IsClassification ? Balance(cleanTrain, experiment) : null,
            Leaderboard = new Reporting.Leaderboard(experiment.Metric.ToString(), experiment.Metric.HigherIsBetter(),
                [.. board.Ranked.Select(r => new Reporting.LeaderboardRow(r.Rank!.Value, r.Trial, r.Learner ?? "", r.Score!.Value, r.Seconds, r.Parameters))]),
            Progress = Progress(experiment),
            TestMetrics = new MetricsTable([.. result.Checks.Select(c => new ModelMetrics(c.Name, [.. c.Scores.Select(s => new MetricValue(s.Key, s.Value))]))], split.Test.Length),
            ConfusionMatrix = target.IsClassification
                ? ConfusionMatrixData.From(ConfusionMatrix.Compute(actual, target.ReadLabels(output), target.Width, target.Classes))
                : null,
            RocCurves = target.IsClassification ? [.. curves.Select(c => new RocSeries(c.Name, RankingMetrics.RocCurve(c.Actual, c.Scores), RankingMetrics.RocAuc(c.Actual, c.Scores)))] : null,
            PrCurves = target.IsClassification ? [.. curves.Select(c => new PrSeries(c.Name, RankingMetrics.PrCurve(c.Actual, c.Scores), RankingMetrics.AveragePrecision(c.Actual, c.Scores), c.Actual.Average()))] : null,
            Threshold = threshold,
            FeatureImportance = Importance(model, experiment.Metric),
            Compression = compression is null ? null : new Reporting.CompressionTable("accuracy", "ms per row (ONNX Runtime, batches)",
                [.. compression.Stages.Select(s => new CompressionRow(s.Name, s.Bytes ?? 0, s.Accuracy, s.BatchMsPerRow ?? double.NaN))]),
        };
    }

    private float[] Predict(DataFrame output)
    {
        var predictions = new float[output.RowCount * target.Width];
        target.ReadPredictions(output, predictions, 0);
        return predictions;
    }

    private int[] ActualCodes() => target.IsClassification ? [.. split.Test.Select(row => target.Codes[row])] : [];

    /// <summary>Binary: the positive (second) class only; multiclass: one curve per class.</summary>
    private IEnumerable<(string Name, int[] Actual, float[] Scores)> OneVsRest(int[] actual, float[] predictions)
    {
        var width = target.Width;
        var classes = width == 2 ? [1] : Enumerable.Range(0, width);
        foreach (var k in classes)
        {
            var scores = new float[actual.Length];
            for (var i = 0; i < scores.Length; i++) scores[i] = predictions[i * width + k];
            var ones = actual.Select(a => a == k ? 1 : 0).ToArray();
            if (ones.Contains(1) && ones.Contains(0)) yield return (target.Classes[k], ones, scores);
        }
    }

    /// <summary>Training class counts before and after the best trial's rebalancing (its steps before the learner, refit).</summary>
    private ClassBalance Balance(DataFrame cleanTrain, ExperimentResult experiment)
    {
        var parameters = Parameters.FromJson(experiment.Best.Parameters);
        var method = parameters.Contains(SearchSpaceCatalog.Rebalancing) ? parameters.GetString(SearchSpaceCatalog.Rebalancing) : "none";
        var frame = cleanTrain.Without(experiment.DroppedColumns);
        var chain = PipelineFactory.Create(parameters, frame.Schema, experiment.Task, options.Learners ?? SearchSpaceCatalog.DefaultLearners, options.Seed);
        var before = Counts(frame);
        var after = new EstimatorChain(chain.Steps.Take(chain.Steps.Count - 1)).FitTransform(frame).Output;
        return new ClassBalance(before, Counts(after), method);
    }

    private static CategoryCount[] Counts(DataFrame frame)
    {
        var label = (CategoricalColumn)LabelTask.WithClassLabel(frame).Label!;
        var counts = label.CountPerCategory();
        return [.. counts.Select((n, i) => new CategoryCount(label.Categories[i], n)).Where(c => c.Count > 0)];
    }

    private static Reporting.SearchProgress Progress(ExperimentResult experiment)
    {
        var finished = experiment.Trials.Where(t => t is { Status: TrialStatus.Succeeded, FinishedAt: not null }).OrderBy(t => t.FinishedAt).ToArray();
        if (finished.Length == 0) return new Reporting.SearchProgress(experiment.Metric.ToString(), [], []);
        var start = experiment.Trials.Min(t => t.StartedAt);
        var best = double.NaN;
        var bests = new List<BestScorePoint>();
        var points = new List<TrialPoint>();
        foreach (var t in finished)
        {
            var at = (t.FinishedAt!.Value - start).TotalSeconds;
            points.Add(new TrialPoint(at, t.Score!.Value, t.Learner ?? ""));
            if (!experiment.Metric.IsBetter(t.Score.Value, best)) continue;
            best = t.Score.Value;
            bests.Add(new BestScorePoint(at, best));
        }
        return new Reporting.SearchProgress(experiment.Metric.ToString(), bests, points);
    }

    private FeatureImportanceData Importance(ITransformer model, Metric metric)
    {
        var features = PermutationImportance.Compute(model, test, output =>
        {
            var score = target.Scores(output, split.Test)[metric.ToString()];
            return metric.HigherIsBetter() ? score : -score;
        }, ImportanceRepeats, options.Seed);
        return new FeatureImportanceData(metric.ToString(), features, ImportanceRepeats);
    }
}
