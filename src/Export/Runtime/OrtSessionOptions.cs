namespace Pipelines.Export.Runtime;

/// <summary>Turns <see cref="InferenceSessionOptions"/> into an <c>OrtSessionOptions</c>, checking the provider exists first.</summary>
internal static unsafe class OrtSessionOptions
{
    /// <summary>Creates the native options; the caller disposes them once the session exists.</summary>
    public static SessionOptionsHandle Create(OrtLibrary library, InferenceSessionOptions options)
    {
        if (options.IntraOpThreads is < 0) throw new ArgumentOutOfRangeException(nameof(options), options.IntraOpThreads, "IntraOpThreads must be 0 (ORT's choice) or more.");
        if (options.InterOpThreads is < 0) throw new ArgumentOutOfRangeException(nameof(options), options.InterOpThreads, "InterOpThreads must be 0 (ORT's choice) or more.");
        if (!Enum.IsDefined(options.OptimizationLevel))
            throw new ArgumentOutOfRangeException(nameof(options), options.OptimizationLevel, "Unknown graph optimization level.");
        if (options.Provider.Kind == ExecutionProviderKind.Cuda && !library.HasCuda)
            throw new OnnxRuntimeException(
                $"The ONNX Runtime library {library.Path} ({library.Version}) has no CUDA provider " +
                $"(available: {string.Join(", ", library.UsableProviders)}" +
                (library.AvailableProviders.Contains(OrtProviders.Cuda)
                    ? $"; the build lists {OrtProviders.Cuda}, but its plugin {OrtProviders.PluginFileName(OrtProviders.Cuda)} is not beside it). "
                    : "). ") +
                $"Point {OrtLibrary.PathVariable} at a CUDA build of ONNX Runtime (the folder with {OrtLibraryLocator.FileName} " +
                $"and {OrtProviders.PluginFileName(OrtProviders.Cuda)}), or use ExecutionProvider.Cpu (see docs/onnxruntime.md).");

        var api = library.Api;
        nint pointer;
        OrtStatus.Check(api, api.CreateSessionOptions(&pointer), "creating session options");
        var handle = new SessionOptionsHandle(api, pointer);
        try
        {
            if (options.IntraOpThreads is { } intra)
                OrtStatus.Check(api, api.SetIntraOpNumThreads(pointer, intra), "setting the intra-op thread count");
            if (options.InterOpThreads is { } inter)
            {
                OrtStatus.Check(api, api.SetInterOpNumThreads(pointer, inter), "setting the inter-op thread count");
                // ORT_PARALLEL = 1: only then does ORT run independent nodes on the inter-op threads.
                if (inter > 1) OrtStatus.Check(api, api.SetSessionExecutionMode(pointer, 1), "choosing parallel execution");
            }
            OrtStatus.Check(api, api.SetSessionGraphOptimizationLevel(pointer, (int)options.OptimizationLevel), "setting the optimization level");
            if (options.Provider.Kind == ExecutionProviderKind.Cuda)
            {
                var cuda = CudaProviderOptions.For(options.Provider.DeviceId);
                OrtStatus.Check(api, api.SessionOptionsAppendExecutionProvider_CUDA(pointer, &cuda),
                    $"adding the CUDA provider on device {options.Provider.DeviceId}");
            }
            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }
}
