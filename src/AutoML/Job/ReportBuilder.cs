using System.Diagnostics;
using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.Reporting;
using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Store;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.Profiling;

namespace Pipelines.AutoML.Job;

/// <summary>Gathers the job's numbers into the report's sections (<see cref="ReportData"/>), each saying which rows it comes from.</summary>
/// <param name="options">The job's options.</param>
/// <param name="scored">Predictions for the confusion matrix and curves.</param>
/// <param name="importance">The model and rows permutation importance shuffles.</param>
/// <param name="repeats">Shuffles per feature.</param>
/// <param name="maxImportanceRows">Rows importance uses at most.</param>
internal sealed class ReportBuilder(AutoMLJobOptions options, ScoredRows scored, ImportanceRows importance, int repeats, int maxImportanceRows)
{
    /// <summary>Fewest rows permutation importance is computed on; with less time it is left out.</summary>
    private const int MinImportanceRows = 100;

    public ReportData Build(
        AutoMLJobResult result, DataProfile profile, ClassBalance? balance, Leaderboard board, string checkDescription, ThresholdCurveData? threshold, TimeSpan? importanceLimit)
    {
        var experiment = result.Experiment;
        var target = scored.Target;
        var actual = target.IsClassification ? target.CodesOf(scored.Rows) : [];
        var curves = target.IsClassification ? OneVsRest(actual, scored.Predictions).ToArray() : [];
        return new ReportData
        {
            Header = new ReportHeader($"AutoML: {options.DataName} → {options.Label}", options.DataName,
                options.Label, experiment.Task.ToString(), DateTimeOffset.UtcNow, result.Elapsed, options.IsReproducible ? null : options.Time),
            Profile = profile,
            FixesApplied = [.. result.FixesApplied, result.Holdout.Reason, .. experiment.SetAside.Select(a => $"{Capitalized(a)}."),
                .. result.RefitNote is { } refit ? [$"{Capitalized(refit)}."] : Array.Empty<string>()],
            ClassBalance = balance,
            Leaderboard = new LeaderboardData(experiment.Metric.ToString(), experiment.Metric.HigherIsBetter(),
                [.. board.Ranked.Select(r => new LeaderboardDataRow(r.Rank!.Value, r.Trial, r.Learner ?? "", r.Score!.Value, r.Seconds, r.Parameters))]),
            Progress = Progress(experiment),
            TestMetrics = new MetricsTable([.. result.Figures.OrderByDescending(f => f.Rows).Select(f =>
                new MetricsTableRow(f.Model, [.. f.Scores.Select(s => new MetricValue(s.Key, s.Value))]) { Rows = f.Description })]),
            EvaluationRows = scored.Description,
            ConfusionMatrix = scored.Labels is { } labels
                ? ConfusionMatrixData.From(ConfusionMatrix.Compute(actual, labels, target.Width, target.Classes))
                : null,
            RocCurves = target.IsClassification ? [.. curves.Select(c => new RocSeries(c.Name, RankingMetrics.RocCurve(c.Actual, c.Scores), RankingMetrics.RocAuc(c.Actual, c.Scores)))] : null,
            PrCurves = target.IsClassification ? [.. curves.Select(c => new PrSeries(c.Name, RankingMetrics.PrCurve(c.Actual, c.Scores), RankingMetrics.AveragePrecision(c.Actual, c.Scores), c.Actual.Average()))] : null,
            Threshold = threshold,
            FeatureImportance = Importance(experiment.Metric, importanceLimit),
            Compression = Compression(result, checkDescription),
        };
    }

    /// <summary>Binary: the positive (second) class only; multiclass: one curve per class.</summary>
    private IEnumerable<(string Name, int[] Actual, float[] Scores)> OneVsRest(int[] actual, float[] predictions)
    {
        var width = scored.Target.Width;
        var classes = width == 2 ? [1] : Enumerable.Range(0, width);
        foreach (var k in classes)
        {
            var scores = new float[actual.Length];
            for (var i = 0; i < scores.Length; i++) scores[i] = predictions[i * width + k];
            var ones = actual.Select(a => a == k ? 1 : 0).ToArray();
            if (ones.Contains(1) && ones.Contains(0)) yield return (scored.Target.Classes[k], ones, scores);
        }
    }

    /// <summary>
    /// The report's training class counts before and after the best trial's rebalancing (its steps before the learner,
    /// refit on <paramref name="cleanTrain"/>, the search's rows; without resampling the counts stay as they are).
    /// </summary>
    public static ClassBalance Balance(AutoMLJobOptions options, DataFrame cleanTrain, ExperimentResult experiment)
    {
        var parameters = Parameters.FromJson(experiment.Best.Parameters);
        var method = parameters.Contains(SearchSpaceCatalog.Rebalancing) ? parameters.GetString(SearchSpaceCatalog.Rebalancing) : "none";
        var frame = cleanTrain.Without(experiment.DroppedColumns);
        var before = Counts(frame);
        // Class weights change the rows' weights, not their counts.
        if (method is "none" or "class_weights") return new ClassBalance(before, before, method);
        var chain = PipelineFactory.Create(parameters, frame.Schema, experiment.Task, options.Learners ?? SearchSpaceCatalog.DefaultLearners, options.Seed);
        var after = new EstimatorChain(chain.Steps.Take(chain.Steps.Count - 1)).FitTransform(frame).Output;
        return new ClassBalance(before, Counts(after), method);
    }

    private static CategoryCount[] Counts(DataFrame frame)
    {
        var label = (CategoricalColumn)LabelTask.WithClassLabel(frame).Label!;
        var counts = label.CountPerCategory();
        return [.. counts.Select((n, i) => new CategoryCount(label.Categories[i], n)).Where(c => c.Count > 0)];
    }

    private static SearchProgressData Progress(ExperimentResult experiment)
    {
        var finished = experiment.Trials.Where(t => t is { Status: TrialStatus.Succeeded, FinishedAt: not null }).OrderBy(t => t.FinishedAt).ToArray();
        if (finished.Length == 0) return new SearchProgressData(experiment.Metric.ToString(), [], []);
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
        return new SearchProgressData(experiment.Metric.ToString(), bests, points);
    }

    /// <summary>
    /// Permutation importance on at most <c>maxImportanceRows</c> rows, fewer (a stratified sample) when 1 + features ×
    /// repeats scorings would not fit in <paramref name="limit"/>; one repeat when even <see cref="MinImportanceRows"/>
    /// rows would not, and left out, saying so, when that does not fit either. A scoring is timed again at each row count
    /// tried, since part of its cost (per column, per call) does not shrink with the rows.
    /// </summary>
    private FeatureImportanceData Importance(Metric metric, TimeSpan? limit)
    {
        var sample = importance.AtMost(maxImportanceRows, options.Seed);
        var (frame, rows) = (sample.Frame, sample.Rows);
        double Score(DataFrame output)
        {
            var score = importance.Target.Scores(output, rows)[metric.ToString()];
            return metric.HigherIsBetter() ? score : -score;
        }
        var shuffles = repeats;
        if (limit is { } l)
        {
            var clock = Stopwatch.StartNew();
            var features = frame.Features.Count();
            var least = Math.Min(MinImportanceRows, frame.RowCount);
            for (var attempt = 0; ; attempt++)
            {
                var call = Stopwatch.StartNew();
                Score(importance.Model.Transform(frame));
                var cost = call.Elapsed.TotalSeconds * (1 + features * shuffles);
                var left = l.TotalSeconds - clock.Elapsed.TotalSeconds;
                if (cost <= left) break;
                var fits = (int)(frame.RowCount * left / cost);
                if (fits < least && shuffles > 1) shuffles = 1;
                else if (fits < least || attempt == MaxImportanceAttempts)
                    return new FeatureImportanceData(metric.ToString(), [])
                    {
                        Note = Invariant($"Left out: {Math.Max(0, l.TotalSeconds):0.0}s of the time budget were left, too little to shuffle {features:N0} columns over {least:N0} rows."),
                    };
                else
                {
                    sample = sample.AtMost(fits, options.Seed);
                    (frame, rows) = (sample.Frame, sample.Rows);
                }
            }
        }
        var features2 = PermutationImportance.Compute(importance.Model, frame, Score, shuffles, options.Seed);
        var description = frame.RowCount < importance.DescribedRows
            ? Invariant($"{frame.RowCount:N0} of these rows ({importance.Description})")
            : importance.Description;
        return new FeatureImportanceData(metric.ToString(), features2, shuffles) { Rows = description };
    }

    /// <summary>Row counts tried before importance is left out.</summary>
    private const int MaxImportanceAttempts = 4;

    /// <summary>
    /// The compression table: the student's stages when one was distilled; model.onnx against a student of the same
    /// shape, sized and timed only, when one was not worth it; else the reason alone.
    /// </summary>
    private static CompressionTableData? Compression(AutoMLJobResult result, string checkDescription)
    {
        const string latency = "ms per row, ONNX Runtime in batches";
        if (result.Compression is { } table)
            return new CompressionTableData("accuracy", latency,
                [.. table.Stages.Select(s => new CompressionRow(s.Name, s.Bytes ?? 0, s.Accuracy, s.BatchMsPerRow ?? double.NaN))])
            {
                Note = $"{Capitalized(result.StudentNote)}. Measured on {checkDescription}.",
            };
        if (result.StudentChoice is { } choice)
            return new CompressionTableData("accuracy", latency,
                [new CompressionRow("model.onnx", choice.TeacherBytes, double.NaN, choice.TeacherMsPerRow),
                 new CompressionRow("a student of the same shape (sized, not distilled)", choice.StudentBytes, double.NaN, choice.StudentMsPerRow)])
            {
                Note = $"{Capitalized(result.StudentNote)}.",
            };
        return result.StudentNote is { } note ? new CompressionTableData("accuracy", latency, []) { Note = $"{Capitalized(note)}." } : null;
    }

    private static string Capitalized(string? text) => string.IsNullOrEmpty(text) ? "" : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Invariant(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
