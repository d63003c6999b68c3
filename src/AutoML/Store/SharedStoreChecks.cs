namespace Pipelines.AutoML.Store;

/// <summary>Argument checks shared by the work queue backends.</summary>
internal static class SharedStoreChecks
{
    /// <summary>Planned trials are queued and numbered 0, 1, ... in order.</summary>
    public static void Plan(IReadOnlyList<TrialEntry> planned)
    {
        ArgumentNullException.ThrowIfNull(planned);
        for (var i = 0; i < planned.Count; i++)
        {
            if (planned[i].Id != i) throw new ArgumentException($"Planned trial {i} has id {planned[i].Id}; planned trials are numbered 0, 1, ... in order.", nameof(planned));
            if (planned[i].Status != TrialStatus.Queued) throw new ArgumentException($"Planned trial {i} is {planned[i].Status}, not Queued.", nameof(planned));
        }
    }

    public static void Names(string study, string worker)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(study);
        ArgumentException.ThrowIfNullOrWhiteSpace(worker);
    }

    /// <summary>A result is for the claimed trial and is an outcome (succeeded or failed).</summary>
    public static void Result(WorkClaim claim, TrialEntry result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Id != claim.Trial.Id) throw new ArgumentException($"The result is for trial {result.Id}, but the claim holds trial {claim.Trial.Id}.", nameof(result));
        if (result.Status is not (TrialStatus.Succeeded or TrialStatus.Failed))
            throw new ArgumentException($"A finished trial is Succeeded or Failed, not {result.Status}; release a claim to put it back.", nameof(result));
    }

    public static TrialStoreException Duplicate(string study, int id) =>
        new($"Study '{study}' already has a trial {id}, so a worker's proposal cannot take that id; the tuner's replay of the study went wrong.");
}
