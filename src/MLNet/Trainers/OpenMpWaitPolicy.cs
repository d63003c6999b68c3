using System.Runtime.InteropServices;

namespace Pipelines.MLNet.Trainers;

/// <summary>
/// Makes the OpenMP threads of LightGBM's native library sleep while they wait for work instead of spinning
/// (OMP_WAIT_POLICY=PASSIVE), unless the process was started with a policy of its own. LightGBM opens a parallel region
/// for every histogram and split search; with the default policy each waiting thread spins on its core, and when other
/// work shares the cores (another program, or another training of this one) the spinning threads take the time the
/// working thread needs, so a fit of many small regions slows down several times over. OpenMP reads the policy once,
/// when its runtime loads, so it must be in the native environment before the first LightGBM call: .NET's
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not reach it on Linux or macOS, hence libc's
/// setenv there.
/// </summary>
internal static class OpenMpWaitPolicy
{
    public const string Variable = "OMP_WAIT_POLICY";
    public const string Passive = "PASSIVE";

    private static readonly Lazy<bool> Applied = new(Apply, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Sets the passive policy once per process where none is set; true when the native environment holds a policy afterwards.</summary>
    public static bool EnsureSet() => Applied.Value;

    /// <summary>The policy as native code reads it (libc's getenv on Linux and macOS), or null when unset.</summary>
    public static string? NativeValue()
    {
        if (OperatingSystem.IsWindows()) return Environment.GetEnvironmentVariable(Variable);
        return Libc() is { } libc ? Marshal.PtrToStringUTF8(Marshal.GetDelegateForFunctionPointer<GetEnv>(NativeLibrary.GetExport(libc, "getenv"))(Variable)) : null;
    }

    private static bool Apply()
    {
        if (OperatingSystem.IsWindows())
        {
            if (Environment.GetEnvironmentVariable(Variable) is null) Environment.SetEnvironmentVariable(Variable, Passive);
            return true;
        }
        if (Libc() is not { } libc) return false;
        // overwrite = 0: a policy the user chose stays.
        return Marshal.GetDelegateForFunctionPointer<SetEnv>(NativeLibrary.GetExport(libc, "setenv"))(Variable, Passive, 0) == 0;
    }

    private static IntPtr? Libc()
    {
        string[] names = OperatingSystem.IsMacOS() ? ["/usr/lib/libSystem.B.dylib"] : ["libc.so.6", "libc.so"];
        foreach (var name in names)
            if (NativeLibrary.TryLoad(name, out var handle)) return handle;
        return null;
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int SetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr GetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name);
}
