using System.Runtime.InteropServices;

namespace Pipelines.Export.Runtime;

/// <summary>
/// Decides which ONNX Runtime library file to load: an explicit path, else the environment variable
/// <see cref="OrtLibrary.PathVariable"/>, else the file next to the assemblies (where the build copies it).
/// </summary>
internal static class OrtLibraryLocator
{
    /// <summary>The library's file name on this platform, as official ONNX Runtime builds name it.</summary>
    public static string FileName =>
        OperatingSystem.IsWindows() ? "onnxruntime.dll"
        : OperatingSystem.IsMacOS() ? "libonnxruntime.dylib"
        : "libonnxruntime.so.1";

    /// <summary>
    /// The full path to load. A path (explicit or from the variable) may name the file or a folder holding it; one
    /// that does not exist is an error rather than a reason to look elsewhere, since the user asked for it.
    /// </summary>
    public static string Resolve(string? explicitPath, string? environmentPath, IEnumerable<string> searchFolders)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath)) return Existing(explicitPath, "the path given in the options");
        if (!string.IsNullOrWhiteSpace(environmentPath)) return Existing(environmentPath, $"the environment variable {OrtLibrary.PathVariable}");
        var looked = new List<string>();
        foreach (var folder in searchFolders.Where(f => !string.IsNullOrEmpty(f)).Distinct(StringComparer.Ordinal))
        {
            var candidate = Path.Combine(folder, FileName);
            if (File.Exists(candidate)) return Path.GetFullPath(candidate);
            looked.Add(candidate);
        }
        throw new OnnxRuntimeException(
            $"The ONNX Runtime library was not found (looked for {string.Join(", ", looked)}). " +
            (RuntimeInformation.OSArchitecture == Architecture.X64 && OperatingSystem.IsLinux()
                ? "Building src/Export fetches it (npm pack onnxruntime-node); "
                : "On this platform the build does not fetch it; ") +
            $"or set {OrtLibrary.PathVariable} to an ONNX Runtime library file or its folder (see docs/onnxruntime.md).");
    }

    /// <summary>The folders the library is looked for in when no path is given: the assembly's, then the app's.</summary>
    public static IEnumerable<string> DefaultSearchFolders()
    {
        var location = typeof(OrtLibrary).Assembly.Location;
        if (location.Length > 0) yield return Path.GetDirectoryName(location)!;
        yield return AppContext.BaseDirectory;
    }

    private static string Existing(string path, string source)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) full = Path.Combine(full, FileName);
        if (!File.Exists(full))
            throw new OnnxRuntimeException(
                $"The ONNX Runtime library named by {source} does not exist: {full}. " +
                $"Give the path of {FileName} (or of the folder holding it).");
        return full;
    }
}
