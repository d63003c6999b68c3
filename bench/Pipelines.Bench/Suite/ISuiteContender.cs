namespace Pipelines.Bench.Suite;

/// <summary>One or more of the suite's tools, run on one split at a time.</summary>
internal interface ISuiteContender
{
    /// <summary>The tool names this contender produces outcomes for.</summary>
    IReadOnlyList<string> Tools { get; }

    /// <summary>Null when the contender can run here; otherwise why not and how to fix it.</summary>
    string? Unavailable { get; }

    /// <summary>Fits the tools named in <paramref name="tools"/> (a subset of <see cref="Tools"/>) on the case's training part and scores them on its test part; a failure is an outcome, not an exception.</summary>
    IEnumerable<SuiteOutcome> Run(SuiteCase suiteCase, IReadOnlyList<string> tools, string build);
}
