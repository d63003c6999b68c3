using Microsoft.ML.OnnxRuntime;

namespace Pipelines.Export.Serving;

/// <summary>Turns ONNX Runtime's exceptions into <see cref="OnnxServingException"/>s that say what was being done.</summary>
internal static class OnnxErrors
{
    /// <summary>ORT failed while doing <paramref name="action"/> ("loading model.onnx").</summary>
    public static OnnxServingException Failed(string action, OnnxRuntimeException error) =>
        new($"ONNX Runtime failed {action}: {OneLine(error.Message)}", error);

    /// <summary>The native library did not load (a platform the package has no build for, a damaged output folder).</summary>
    public static OnnxServingException NativeLibrary(Exception error) =>
        new($"ONNX Runtime's native library could not be loaded ({OneLine(error.GetBaseException().Message)}); " +
            "rebuild the project so the ONNX Runtime package's library for this platform is beside the assemblies (see docs/onnxruntime.md)", error);

    /// <summary>Whether <paramref name="error"/> is the native library failing to load rather than a bug.</summary>
    public static bool IsNativeLoadFailure(Exception error) =>
        error is DllNotFoundException or BadImageFormatException or EntryPointNotFoundException
        || error is TypeInitializationException { InnerException: { } inner } && IsNativeLoadFailure(inner);

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
