using Pipelines.AutoML.Store;

namespace Pipelines.AutoML.Sweeps.Workers;

/// <summary>Where a worker study stands, from one read of its trials.</summary>
public sealed class StudyProgress(string name, WorkerStudy definition, IReadOnlyList<WorkItem> items, Leaderboard leaderboard)
{
    public string Name { get; } = name;

    public WorkerStudy Definition { get; } = definition;

    /// <summary>Every trial with its queue state, by id.</summary>
    public IReadOnlyList<WorkItem> Items { get; } = items;

    /// <summary>The study's leaderboard (succeeded trials ranked, the rest counted).</summary>
    public Leaderboard Leaderboard { get; } = leaderboard;

    /// <summary>Trials the study will have in all: the plan queued at create (grid, random), or the budget of an adaptive study.</summary>
    public int Planned => WorkerTuners.IsPlanned(Definition.Tuner) ? Items.Count : Definition.Trials ?? Items.Count;

    /// <summary>Succeeded and failed trials.</summary>
    public int Finished => Items.Count(i => i.Trial.Status is TrialStatus.Succeeded or TrialStatus.Failed);

    /// <summary>Running trials, by id.</summary>
    public IReadOnlyList<WorkItem> Running => [.. Items.Where(i => i.Trial.Status == TrialStatus.Running)];

    /// <summary>Trials that needed more than one claim (their worker went quiet and another ran them).</summary>
    public int Retried => Items.Count(i => i.Attempts > 1);

    /// <summary>Workers that ran or run trials of the study.</summary>
    public IReadOnlyList<string> Workers => [.. Items.Select(i => i.Worker).OfType<string>().Distinct().Order(StringComparer.Ordinal)];

    /// <summary>True when every trial the study will have is finished.</summary>
    public bool IsComplete => Finished >= Planned;
}
