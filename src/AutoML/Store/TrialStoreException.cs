using Pipelines.Errors;

namespace Pipelines.AutoML.Store;

/// <summary>A trial store that cannot be opened or used: not a store, a newer schema, a study that does not match.</summary>
public sealed class TrialStoreException : PipelineException
{
    public TrialStoreException(string message) : base(message) { }
    public TrialStoreException(string message, Exception inner) : base(message, inner) { }

    /// <summary>True when the store holds the study under other settings (another fingerprint), so it cannot be resumed.</summary>
    public bool IsSettingsMismatch { get; init; }
}
