namespace Pipelines.AutoML.Experiments;

/// <summary>Which tuner drives an experiment.</summary>
public enum TunerKind
{
    /// <summary>Learner choice by estimated cost for improvement, each learner searched by CFO (FLAML's default).</summary>
    Eci,
    /// <summary>CFO's local search over the whole space.</summary>
    Cfo,
    Random,
    /// <summary>A grid over the space (<see cref="ExperimentOptions.GridPoints"/> values per numeric range).</summary>
    Grid,
    /// <summary>Tree-structured Parzen estimator with expected improvement.</summary>
    Bayes,
}
