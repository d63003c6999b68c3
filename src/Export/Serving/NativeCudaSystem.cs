using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace Pipelines.Export.Serving;

/// <summary>
/// <see cref="ICudaSystem"/> on this machine: ONNX Runtime's provider list, dlopen through
/// <see cref="NativeLibrary.TryLoad(string, out IntPtr)"/>, and the CUDA driver API (cuInit, cuDriverGetVersion,
/// cuDeviceGetCount) called through delegates over libcuda.so.1's exports.
/// </summary>
internal sealed class NativeCudaSystem : ICudaSystem
{
    public const string DriverLibrary = "libcuda.so.1";

    public static NativeCudaSystem Instance { get; } = new();

    private NativeCudaSystem()
    {
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int CuInit(uint flags);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int CuGetInt(out int value);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int CuGetErrorName(int error, out IntPtr name);

    public bool IsLinuxX64 => OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64;

    public string Platform => $"{RuntimeInformation.OSDescription} {RuntimeInformation.ProcessArchitecture}";

    public IReadOnlyList<string> OrtProviders()
    {
        try
        {
            return OrtEnv.Instance().GetAvailableProviders();
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or BadImageFormatException or EntryPointNotFoundException)
        {
            throw OnnxErrors.NativeLibrary(e);
        }
    }

    public bool CanLoad(string name) => NativeLibrary.TryLoad(name, out _);

    public CudaDriverState Driver()
    {
        // Kept loaded: ONNX Runtime's CUDA provider loads the same library right after.
        var driver = NativeLibrary.Load(DriverLibrary);
        var status = Export<CuInit>(driver, "cuInit")(0);
        if (status != 0) return new CudaDriverState(ErrorName(driver, status), 0, 0);
        Export<CuGetInt>(driver, "cuDriverGetVersion")(out var version);
        var countStatus = Export<CuGetInt>(driver, "cuDeviceGetCount")(out var count);
        return countStatus == 0 ? new CudaDriverState(null, version, count) : new CudaDriverState(ErrorName(driver, countStatus), version, 0);
    }

    private static T Export<T>(IntPtr library, string name) where T : Delegate =>
        Marshal.GetDelegateForFunctionPointer<T>(NativeLibrary.GetExport(library, name));

    private static string ErrorName(IntPtr driver, int status)
    {
        var name = Export<CuGetErrorName>(driver, "cuGetErrorName")(status, out var text) == 0 ? Marshal.PtrToStringUTF8(text) : null;
        return $"{name ?? "CUDA error"} ({status})";
    }
}
