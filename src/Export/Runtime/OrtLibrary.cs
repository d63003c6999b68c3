using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Pipelines.Export.Runtime;

/// <summary>
/// The ONNX Runtime native library, loaded once per path and kept for the life of the process.
/// </summary>
/// <remarks>
/// <para>The library is found in this order:</para>
/// <list type="number">
/// <item>the path passed to <see cref="Load(string?)"/> (or <see cref="InferenceSessionOptions.LibraryPath"/>);</item>
/// <item>the environment variable <c>PIPELINES_ONNXRUNTIME_PATH</c> (<see cref="PathVariable"/>), read when the
/// library is first loaded: use it to run on a CUDA build of ONNX Runtime;</item>
/// <item><c>libonnxruntime.so.1</c> next to the Pipelines.Export assembly, where the build copies the CPU build of
/// ONNX Runtime 1.23.2 it fetched (see docs/onnxruntime.md).</item>
/// </list>
/// <para>A path may name the library file or the folder holding it. A path given but missing is an error.</para>
/// </remarks>
public sealed unsafe class OrtLibrary
{
    /// <summary>The environment variable that names the ONNX Runtime library (file or folder) to load.</summary>
    public const string PathVariable = "PIPELINES_ONNXRUNTIME_PATH";

    /// <summary>The ONNX Runtime version the build fetches and the tests run against.</summary>
    public const string BundledVersion = "1.23.2";

    private static readonly ConcurrentDictionary<string, Lazy<OrtLibrary>> s_loaded = new(StringComparer.Ordinal);

    private OrtLibrary(string path, string version, OrtApi api, EnvHandle env, MemoryInfoHandle cpuMemory,
        nint allocator, IReadOnlyList<string> providers)
    {
        Path = path;
        Version = version;
        Api = api;
        Env = env;
        CpuMemory = cpuMemory;
        Allocator = allocator;
        AvailableProviders = providers;
        UsableProviders = OrtProviders.Usable(providers, System.IO.Path.GetDirectoryName(path)!);
    }

    /// <summary>The full path of the loaded library file.</summary>
    public string Path { get; }

    /// <summary>The library's own version string, for example "1.23.2".</summary>
    public string Version { get; }

    /// <summary>
    /// The execution providers the build was compiled with, as ONNX Runtime lists them (for example
    /// "CUDAExecutionProvider", "CPUExecutionProvider"). Some need a plugin library that may be absent: see
    /// <see cref="UsableProviders"/>.
    /// </summary>
    public IReadOnlyList<string> AvailableProviders { get; }

    /// <summary>
    /// The providers of <see cref="AvailableProviders"/> that can be used: built in, or with their plugin library
    /// (libonnxruntime_providers_cuda.so for CUDA) beside <see cref="Path"/>.
    /// </summary>
    public IReadOnlyList<string> UsableProviders { get; }

    /// <summary>Whether the CUDA provider can be used: the build has it and its plugin library is present.</summary>
    public bool HasCuda => UsableProviders.Contains(OrtProviders.Cuda, StringComparer.Ordinal);

    internal OrtApi Api { get; }

    /// <summary>The process-wide ORT environment of this library; never released (ORT keeps one per process).</summary>
    internal EnvHandle Env { get; }

    /// <summary>Describes ordinary CPU memory, for input tensors that borrow managed arrays.</summary>
    internal MemoryInfoHandle CpuMemory { get; }

    /// <summary>ORT's default CPU allocator (owned by ORT, never freed): string tensors and returned names.</summary>
    internal nint Allocator { get; }

    /// <summary>
    /// Loads the library (once per resolved path) from <paramref name="path"/>, else from <see cref="PathVariable"/>,
    /// else from next to the assembly. Throws <see cref="OnnxRuntimeException"/> when the file is missing, is not
    /// ONNX Runtime (no <c>OrtGetApiBase</c>), or is older than C API version 13 (ONNX Runtime 1.13).
    /// </summary>
    public static OrtLibrary Load(string? path = null)
    {
        var resolved = OrtLibraryLocator.Resolve(path, Environment.GetEnvironmentVariable(PathVariable), OrtLibraryLocator.DefaultSearchFolders());
        var lazy = s_loaded.GetOrAdd(resolved, p => new Lazy<OrtLibrary>(() => LoadFrom(p)));
        try
        {
            return lazy.Value;
        }
        catch (OnnxRuntimeException)
        {
            s_loaded.TryRemove(new KeyValuePair<string, Lazy<OrtLibrary>>(resolved, lazy));
            throw;
        }
    }

    private static OrtLibrary LoadFrom(string path)
    {
        nint module;
        try
        {
            module = NativeLibrary.Load(path);
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
        {
            throw new OnnxRuntimeException($"Could not load the ONNX Runtime library {path}: {e.Message}", e);
        }
        if (!NativeLibrary.TryGetExport(module, "OrtGetApiBase", out var getApiBase))
            throw new OnnxRuntimeException($"{path} is not an ONNX Runtime library: it does not export OrtGetApiBase.");

        // OrtApiBase is { const OrtApi* (*GetApi)(uint32_t); const char* (*GetVersionString)(void); }.
        var apiBase = (nint*)((delegate* unmanaged[Cdecl]<nint>)getApiBase)();
        if (apiBase == null) throw new OnnxRuntimeException($"{path}: OrtGetApiBase returned nothing.");
        var getApi = (delegate* unmanaged[Cdecl]<uint, nint>)apiBase[0];
        var getVersion = (delegate* unmanaged[Cdecl]<byte*>)apiBase[1];
        var version = Marshal.PtrToStringUTF8((nint)getVersion()) ?? "unknown";
        var table = getApi(OrtApi.MinimumVersion);
        if (table == 0)
            throw new OnnxRuntimeException(
                $"{path} is ONNX Runtime {version}, which is too old: this binding needs C API version {OrtApi.MinimumVersion} " +
                $"(ONNX Runtime 1.{OrtApi.MinimumVersion} or newer; the build fetches {BundledVersion}).");

        var api = new OrtApi(table);
        nint env, memory, allocator;
        fixed (byte* logId = "Pipelines"u8)
        {
            // Level 3 = ORT_LOGGING_LEVEL_ERROR: ORT's warnings (unused initializers and the like) stay off the console.
            OrtStatus.Check(api, api.CreateEnv(3, logId, &env), "creating its environment");
        }
        var envHandle = new EnvHandle(api, env);
        OrtStatus.Check(api, api.CreateCpuMemoryInfo(0, 0, &memory), "describing CPU memory");
        var memoryHandle = new MemoryInfoHandle(api, memory);
        OrtStatus.Check(api, api.GetAllocatorWithDefaultOptions(&allocator), "getting its default allocator");
        return new OrtLibrary(path, version, api, envHandle, memoryHandle, allocator, ReadProviders(api));
    }

    private static string[] ReadProviders(OrtApi api)
    {
        byte** names;
        int count;
        OrtStatus.Check(api, api.GetAvailableProviders(&names, &count), "listing its execution providers");
        try
        {
            var result = new string[count];
            for (var i = 0; i < count; i++) result[i] = Marshal.PtrToStringUTF8((nint)names[i]) ?? "";
            return result;
        }
        finally
        {
            OrtStatus.Check(api, api.ReleaseAvailableProviders(names, count), "releasing the provider list");
        }
    }
}
