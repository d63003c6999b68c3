using Pipelines.AutoML.Store;

namespace Pipelines.AutoML.Tests.Experiments;

/// <summary>An in-memory store that keeps every save, so tests can see what was written and when.</summary>
internal sealed class RecordingTrialStore : ITrialStore
{
    private readonly Dictionary<string, StudySpec> _studies = [];
    private readonly Dictionary<(string, int), TrialEntry> _trials = [];

    public List<TrialEntry> Saves { get; } = [];

    public bool OpenStudy(StudySpec spec)
    {
        if (_studies.TryGetValue(spec.Name, out var existing))
        {
            if (existing.Fingerprint != spec.Fingerprint) throw new TrialStoreException("fingerprint differs");
            return true;
        }
        _studies[spec.Name] = spec;
        return false;
    }

    public StudySpec? FindStudy(string study) => _studies.GetValueOrDefault(study);

    public IReadOnlyList<StudySpec> Studies() => [.. _studies.Values];

    public void Save(string study, TrialEntry trial)
    {
        lock (_trials)
        {
            _trials[(study, trial.Id)] = trial;
            Saves.Add(trial);
        }
    }

    public IReadOnlyList<TrialEntry> Trials(string study, bool withOutOfFold = false) =>
        [.. _trials.Where(t => t.Key.Item1 == study).Select(t => withOutOfFold ? t.Value : t.Value with { OutOfFold = null }).OrderBy(t => t.Id)];

    public void DropOutOfFold(string study, int id)
    {
        lock (_trials)
        {
            if (_trials.TryGetValue((study, id), out var trial)) _trials[(study, id)] = trial with { OutOfFold = null };
        }
    }

    public void Dispose() { }
}
