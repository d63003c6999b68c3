namespace Pipelines.AutoML.Job;

/// <summary>
/// How the job spends its time budget (<c>--time</c>): everything from reading the data to the last output fits in
/// <see cref="Total"/>. The time before the search (reading, profiling, cleaning) is spent when the plan is made; the
/// steps after it are estimated and kept back from the search:
/// <list type="bullet">
/// <item><see cref="Outputs"/>: saving the pipeline, the ONNX export and its ONNX Runtime check, the leaderboard, report
/// and metrics: a second plus a share of the budget, since the models (ensembles of more and larger trials) grow with
/// the time the search gets;</item>
/// <item><see cref="Student"/>: distillation, pruning, quantization and their measurements, by the rows the student
/// learns from, at most <see cref="StudentShare"/> of the budget;</item>
/// <item><see cref="Importance"/>: permutation importance in the report (its rows are sampled to fit);</item>
/// <item><see cref="Margin"/>: the process's start and what the estimates miss.</item>
/// </list>
/// The refit on every row after a holdout is kept back by the experiment itself
/// (<see cref="Experiments.ExperimentOptions.RefitAfterRun"/>), as it keeps back its own refit: both grow with the models
/// the search finds. After the search, the student and the importance get the time actually left
/// (<see cref="StudentLimit"/>, <see cref="ImportanceLimit"/>), so time the search and refits did not use goes to them,
/// and a search that ran over takes from them rather than from the bound.
/// </summary>
public sealed record JobBudget
{
    /// <summary>Largest share of the budget the student is planned for.</summary>
    public const double StudentShare = 0.12;

    /// <summary>Largest share of the time left after reading that the steps after the search are planned for.</summary>
    public const double MaxAfterSearchShare = 0.4;

    /// <summary>The whole job's budget.</summary>
    public required TimeSpan Total { get; init; }

    /// <summary>Time spent before the search (reading, profiling, cleaning), when the plan was made.</summary>
    public required TimeSpan Spent { get; init; }

    /// <summary>The experiment's budget: the search, its final refit, and the refit on every row after a holdout.</summary>
    public required TimeSpan Search { get; init; }

    /// <summary>Planned for saving, export, ONNX checks, leaderboard, report and metrics.</summary>
    public required TimeSpan Outputs { get; init; }

    /// <summary>Planned for the student (zero without one).</summary>
    public required TimeSpan Student { get; init; }

    /// <summary>Planned for permutation importance.</summary>
    public required TimeSpan Importance { get; init; }

    /// <summary>Kept for the process's start and estimation error.</summary>
    public required TimeSpan Margin { get; init; }

    /// <summary>The refit after the experiment, as a multiple of the search's rows (0 without a holdout).</summary>
    public required double RefitAfterRun { get; init; }

    /// <summary>Everything planned after the experiment returns.</summary>
    public TimeSpan AfterSearch => Outputs + Student + Importance + Margin;

    /// <summary>
    /// The plan for a job of <paramref name="total"/> that has spent <paramref name="spent"/> before its search, on
    /// <paramref name="rows"/> rows of which the search sees <paramref name="searchRows"/> (the rest are held out and
    /// refit on after the search), with or without a <paramref name="student"/>.
    /// </summary>
    public static JobBudget Plan(TimeSpan total, TimeSpan spent, int rows, int searchRows, bool student)
    {
        if (total <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(total), total, "The budget must be positive.");
        ArgumentOutOfRangeException.ThrowIfLessThan(searchRows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, searchRows);
        var t = total.TotalSeconds;
        var outputs = 1.0 + 0.03 * t;
        var studentSeconds = student ? Math.Min(StudentShare * t, 2.5 + 2e-4 * rows) : 0;
        var importance = Math.Clamp(0.04 * t, 0.3, 10);
        var margin = 0.5 + 0.02 * t;
        var left = Math.Max(0, t - spent.TotalSeconds);
        var after = outputs + studentSeconds + importance + margin;
        if (after > MaxAfterSearchShare * left)
        {
            // Short budgets: the fixed steps stay, the student and the importance shrink (they obey their limits).
            var flexible = Math.Max(0, MaxAfterSearchShare * left - outputs - margin);
            var scale = studentSeconds + importance > 0 ? Math.Min(1, flexible / (studentSeconds + importance)) : 0;
            studentSeconds *= scale;
            importance *= scale;
            after = outputs + studentSeconds + importance + margin;
        }
        return new JobBudget
        {
            Total = total,
            Spent = spent,
            Search = TimeSpan.FromSeconds(Math.Max(0.1 * left, left - after)),
            Outputs = TimeSpan.FromSeconds(outputs),
            Student = TimeSpan.FromSeconds(studentSeconds),
            Importance = TimeSpan.FromSeconds(importance),
            Margin = TimeSpan.FromSeconds(margin),
            RefitAfterRun = rows == searchRows ? 0 : rows / (double)searchRows,
        };
    }

    /// <summary>
    /// The student's limit at <paramref name="elapsed"/>: what is left before the end, less the planned importance, the
    /// report's share of the outputs and the margin.
    /// </summary>
    public TimeSpan StudentLimit(TimeSpan elapsed) => Total - elapsed - Importance - ReportShare - Margin;

    /// <summary>
    /// Permutation importance's limit at <paramref name="elapsed"/>: what is left before the end, less the report's share
    /// of the outputs and the margin, and at most twice its plan (its sampled rows give a stable ranking sooner than the
    /// time a long search leaves, and a long limit multiplies any error of its estimate).
    /// </summary>
    public TimeSpan ImportanceLimit(TimeSpan elapsed) => TimeSpan.FromTicks(Math.Min((Total - elapsed - ReportShare - Margin).Ticks, 2 * Importance.Ticks));

    /// <summary>The part of <see cref="Outputs"/> that comes after the student: leaderboard, report and metrics.</summary>
    private TimeSpan ReportShare => Outputs / 2;
}
