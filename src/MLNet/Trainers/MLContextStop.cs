using System.Reflection;
using Microsoft.ML;

namespace Pipelines.MLNet.Trainers;

/// <summary>
/// Stops an <see cref="MLContext"/>'s running training when a token fires. ML.NET's trainers check their context between
/// iterations; the public switch, <c>MLContext.CancelExecution</c>, ships in Microsoft.ML.Experimental, which is not
/// served here, so this calls the member that extension wraps, MLContext's own (internal) <c>CancelExecution</c>.
/// Where a later ML.NET lacks it, <see cref="IsAvailable"/> is false and a fit runs to its end before a stop is seen.
/// Not every fit ends midway even so (seen: a FastTree fit run alone ran on after the call); the training context is
/// checked again after the fit either way.
/// </summary>
internal static class MLContextStop
{
    private static readonly MethodInfo? Cancel =
        typeof(MLContext).GetMethod("CancelExecution", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes);

    /// <summary>Whether this ML.NET has the member that cancels a context.</summary>
    public static bool IsAvailable => Cancel is not null;

    /// <summary>Cancels <paramref name="context"/> when <paramref name="stop"/> fires, until the result is disposed.</summary>
    public static CancellationTokenRegistration Link(MLContext context, CancellationToken stop) =>
        Cancel is null ? default : stop.Register(() => Cancel.Invoke(context, null));
}
