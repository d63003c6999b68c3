namespace Pipelines.Cli.Output;

/// <summary>
/// Ctrl-C while a long command runs: the first press cancels <see cref="Token"/> (the command winds down and still
/// writes its outputs), a second press ends the process as usual.
/// </summary>
internal sealed class InterruptHandler : IDisposable
{
    private readonly CancellationTokenSource _source = new();

    public InterruptHandler() => Console.CancelKeyPress += OnCancel;

    public CancellationToken Token => _source.Token;

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        if (_source.IsCancellationRequested) return;
        e.Cancel = true;
        Console.Error.WriteLine("Interrupted: finishing with the best model so far (press Ctrl-C again to stop at once).");
        _source.Cancel();
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancel;
        _source.Dispose();
    }
}
