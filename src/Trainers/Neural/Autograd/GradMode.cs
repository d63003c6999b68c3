namespace Pipelines.Trainers.Neural;

/// <summary>
/// Whether operations record their backward step (as <c>torch.is_grad_enabled</c>). Per thread, so inference on one
/// thread never switches recording off for training on another.
/// </summary>
public static class GradMode
{
    [ThreadStatic] private static int disabledDepth;

    /// <summary>True unless inside a <see cref="Torch.NoGrad"/> scope on this thread.</summary>
    public static bool IsEnabled => disabledDepth == 0;

    internal static void Enter() => disabledDepth++;

    internal static void Exit() => disabledDepth--;
}

/// <summary>A scope in which no operation records a backward step; dispose it to restore recording.</summary>
public sealed class NoGradScope : IDisposable
{
    private bool disposed;

    internal NoGradScope() => GradMode.Enter();

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        GradMode.Exit();
    }
}
