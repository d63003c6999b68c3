namespace Pipelines.Export.Runtime;

/// <summary>
/// Which of the execution providers a build lists it can actually use. <c>GetAvailableProviders</c> reports what the
/// build was compiled with, including providers that ONNX Runtime loads from a separate plugin library
/// (libonnxruntime_providers_cuda.so and the like) which may not be there: the onnxruntime-node build lists CUDA and
/// TensorRT but ships neither plugin.
/// </summary>
internal static class OrtProviders
{
    /// <summary>The CUDA provider's name as ONNX Runtime reports it.</summary>
    public const string Cuda = "CUDAExecutionProvider";

    // Providers built as plugins ("shared providers"), by the short name in their plugin's file name.
    private static readonly Dictionary<string, string> s_plugins = new(StringComparer.Ordinal)
    {
        [Cuda] = "cuda",
        ["TensorrtExecutionProvider"] = "tensorrt",
        ["ROCMExecutionProvider"] = "rocm",
        ["MIGraphXExecutionProvider"] = "migraphx",
        ["OpenVINOExecutionProvider"] = "openvino",
        ["DnnlExecutionProvider"] = "dnnl",
        ["VitisAIExecutionProvider"] = "vitisai",
        ["CANNExecutionProvider"] = "cann",
        ["QNNExecutionProvider"] = "qnn",
    };

    /// <summary>The plugin file <paramref name="provider"/> needs beside the library, or null when it is built in.</summary>
    public static string? PluginFileName(string provider) =>
        s_plugins.TryGetValue(provider, out var shortName)
            ? OperatingSystem.IsWindows() ? $"onnxruntime_providers_{shortName}.dll"
            : OperatingSystem.IsMacOS() ? $"libonnxruntime_providers_{shortName}.dylib"
            : $"libonnxruntime_providers_{shortName}.so"
            : null;

    /// <summary>The listed providers that are built in, or whose plugin is in <paramref name="libraryFolder"/>.</summary>
    public static string[] Usable(IEnumerable<string> listed, string libraryFolder) =>
        listed.Where(p => PluginFileName(p) is not { } plugin || File.Exists(Path.Combine(libraryFolder, plugin))).ToArray();
}
