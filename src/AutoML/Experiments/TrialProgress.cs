namespace Pipelines.AutoML.Experiments;

/// <summary>
/// What a trial in flight has done and how far it may go, shared by the thread that evaluates it and the search loop
/// that watches it: the score of each finished fold, in fold order, and how many of the plan's repeats of the k-fold it
/// runs. The pace guard lowers that limit when the search's time affords fewer repeats than the plan has
/// (<see cref="PaceGuard"/>); a trial past the limit's last fold ends with the repeats it finished. Thread-safe.
/// </summary>
internal sealed class TrialProgress
{
    private readonly List<double> _foldScores = [];
    private int _repeatLimit = int.MaxValue;

    /// <summary>The most repeats the trial runs: all of the plan's until <see cref="LimitRepeats"/> lowers it.</summary>
    public int RepeatLimit => Volatile.Read(ref _repeatLimit);

    /// <summary>Lowers <see cref="RepeatLimit"/> to <paramref name="repeats"/> (at least 1); a higher value changes nothing.</summary>
    public void LimitRepeats(int repeats)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        int current;
        do current = Volatile.Read(ref _repeatLimit);
        while (repeats < current && Interlocked.CompareExchange(ref _repeatLimit, repeats, current) != current);
    }

    /// <summary>Folds finished so far.</summary>
    public int FoldsDone
    {
        get
        {
            lock (_foldScores) return _foldScores.Count;
        }
    }

    /// <summary>Records the next fold's score.</summary>
    public void Add(double foldScore)
    {
        lock (_foldScores) _foldScores.Add(foldScore);
    }

    /// <summary>The finished folds' scores, in fold order.</summary>
    public double[] FoldScores()
    {
        lock (_foldScores) return [.. _foldScores];
    }
}
