namespace Pipelines.AutoML.Store;

/// <summary>
/// Where an experiment's trials live, so an interrupted run resumes and its history can be queried. SQLite is the
/// embedded default; every write is one transaction, so a crash never leaves a half-written trial. Safe to call from
/// several threads of one process.
/// </summary>
public interface ITrialStore : IDisposable
{
    /// <summary>
    /// Opens study <paramref name="spec"/>.Name, creating it when new. An existing study whose fingerprint differs
    /// throws <see cref="TrialStoreException"/> (resuming it would replay different trials): use a new study name.
    /// </summary>
    /// <returns>True when the study already existed.</returns>
    bool OpenStudy(StudySpec spec);

    /// <summary>The stored spec of <paramref name="study"/>, or null when there is none.</summary>
    StudySpec? FindStudy(string study);

    /// <summary>Every study in the store, by name.</summary>
    IReadOnlyList<StudySpec> Studies();

    /// <summary>Inserts or replaces trial <paramref name="trial"/>.Id of <paramref name="study"/> (with its out-of-fold predictions when given).</summary>
    void Save(string study, TrialEntry trial);

    /// <summary>Every trial of <paramref name="study"/> by id; out-of-fold predictions only when <paramref name="withOutOfFold"/>.</summary>
    IReadOnlyList<TrialEntry> Trials(string study, bool withOutOfFold = false);

    /// <summary>
    /// Forgets the out-of-fold predictions of trial <paramref name="id"/> of <paramref name="study"/> (the experiment no
    /// longer keeps them for ensembling), so the store grows by each trial's summary rather than by its predictions; the
    /// rest of the trial stays. Nothing happens when the trial or its predictions are not there.
    /// </summary>
    void DropOutOfFold(string study, int id);
}
