using Pipelines.AutoML.Store;

namespace Pipelines.AutoML.Sweeps.Workers;

/// <summary>
/// Heart-beats a claimed trial on its own thread (not the thread pool, which a training trial may keep busy) until
/// disposed. When the store says the worker no longer holds the trial (it was silent too long and the trial went to
/// another worker), the trial is stopped through the token source given and <see cref="Lost"/> is set: its result
/// must not be written. A store that cannot be reached for a beat is tried again at the next one.
/// </summary>
internal sealed class TrialHeartbeat : IDisposable
{
    private readonly ISharedTrialStore _store;
    private readonly WorkClaim _claim;
    private readonly TimeSpan _interval;
    private readonly CancellationTokenSource _lost;
    private readonly ManualResetEventSlim _stop = new();
    private readonly Thread _thread;

    public TrialHeartbeat(ISharedTrialStore store, WorkClaim claim, TimeSpan interval, CancellationTokenSource lost)
    {
        _store = store;
        _claim = claim;
        _interval = interval;
        _lost = lost;
        _thread = new Thread(Beat) { IsBackground = true, Name = $"heartbeat of trial {claim.Trial.Id}" };
        _thread.Start();
    }

    /// <summary>True when the worker lost the claim while the trial ran.</summary>
    public bool Lost { get; private set; }

    private void Beat()
    {
        while (!_stop.Wait(_interval))
        {
            try
            {
                if (_store.Heartbeat(_claim)) continue;
                Lost = true;
                _lost.Cancel();
                return;
            }
            catch (Exception e) when (e is TrialStoreException or System.Data.Common.DbException)
            {
                // The store is out of reach for now: the next beat tries again, and the grace period covers a few misses.
            }
        }
    }

    /// <summary>Stops beating and waits for a beat in flight, so nothing touches the claim after this returns.</summary>
    public void Dispose()
    {
        _stop.Set();
        _thread.Join();
        _stop.Dispose();
    }
}
