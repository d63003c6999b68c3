using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.SearchSpace;
using Pipelines.Data;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Sweeps.Workers;

/// <summary>What a study for workers searches and how (<see cref="SweepStudies.Create"/>).</summary>
public sealed record SweepStudyOptions
{
    /// <summary>The space file's text: a learner's hyperparameters, or a full space with a "learner" choice.</summary>
    public required string SpaceJson { get; init; }

    /// <summary>The learner for a hyperparameter-only space file.</summary>
    public string? Learner { get; init; }

    /// <summary>The CSV/TSV data file. Workers read it at its full path, so on other hosts it must be there too (a shared mount).</summary>
    public required string DataPath { get; init; }

    public required string Label { get; init; }

    /// <summary>The metric to optimize; null picks <see cref="MetricChoice.Default"/>.</summary>
    public Metric? Metric { get; init; }

    /// <summary>What to read the label as: decided from it (the default), classes, or values to regress (<see cref="LabelTask.Read"/>).</summary>
    public TaskChoice Task { get; init; } = TaskChoice.Auto;

    /// <summary>Columns the trials leave out (<see cref="Job.IgnoredColumns"/>); null or empty for none.</summary>
    public IReadOnlyList<string>? Ignore { get; init; }

    /// <summary>The worksheet of <see cref="DataPath"/> where it is an Excel workbook; null for its first.</summary>
    public string? Sheet { get; init; }

    /// <summary>Folds: null chooses, 1 is a 10% holdout.</summary>
    public int? Folds { get; init; }

    public int Seed { get; init; }

    /// <summary>Grid, random, cfo or bayes.</summary>
    public TunerKind Tuner { get; init; } = TunerKind.Random;

    /// <summary>Values per numeric range for a grid.</summary>
    public int GridPoints { get; init; } = 5;

    /// <summary>Trials in the study in all; required except for a grid (whose every point is the default).</summary>
    public int? Trials { get; init; }

    /// <summary>How long a running trial may go without a heartbeat before it is put back in the queue.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Claims a trial gets before it is marked failed instead of put back.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The learners known by name; null for the catalog's.</summary>
    public IReadOnlyList<ILearnerSpace>? Learners { get; init; }
}
