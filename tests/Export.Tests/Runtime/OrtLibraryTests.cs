using Pipelines.Export.Runtime;

namespace Pipelines.Export.Tests.Runtime;

[TestClass]
public sealed class OrtLibraryTests
{
    [TestMethod]
    public void The_bundled_library_loads_next_to_the_assembly_and_reports_its_version()
    {
        var library = OrtLibrary.Load();
        Assert.AreEqual("1.23.2", library.Version);
        Assert.AreEqual(OrtLibrary.BundledVersion, library.Version);
        Assert.Contains("CPUExecutionProvider", library.AvailableProviders.ToList());
        Assert.Contains("CPUExecutionProvider", library.UsableProviders.ToList());
        // The onnxruntime-node build is compiled with CUDA but ships without its plugin library.
        Assert.DoesNotContain("CUDAExecutionProvider", library.UsableProviders.ToList());
        Assert.IsFalse(library.HasCuda);
        Assert.AreSame(library, OrtLibrary.Load(library.Path), "one library object per path");
    }

    [TestMethod]
    public void A_folder_path_finds_the_library_inside_it()
    {
        var library = OrtLibrary.Load();
        Assert.AreSame(library, OrtLibrary.Load(Path.GetDirectoryName(library.Path)));
    }

    [TestMethod]
    public void An_explicit_path_wins_over_the_variable_which_wins_over_the_search_folders()
    {
        var folder = Directory.CreateTempSubdirectory("ort-locator-");
        try
        {
            var explicitFile = Path.Combine(folder.FullName, "explicit.so");
            var variableFolder = Directory.CreateDirectory(Path.Combine(folder.FullName, "variable")).FullName;
            var searchFolder = Directory.CreateDirectory(Path.Combine(folder.FullName, "beside")).FullName;
            File.WriteAllText(explicitFile, "");
            File.WriteAllText(Path.Combine(variableFolder, OrtLibraryLocator.FileName), "");
            File.WriteAllText(Path.Combine(searchFolder, OrtLibraryLocator.FileName), "");

            Assert.AreEqual(explicitFile, OrtLibraryLocator.Resolve(explicitFile, variableFolder, [searchFolder]));
            Assert.AreEqual(Path.Combine(variableFolder, OrtLibraryLocator.FileName), OrtLibraryLocator.Resolve(null, variableFolder, [searchFolder]));
            Assert.AreEqual(Path.Combine(searchFolder, OrtLibraryLocator.FileName), OrtLibraryLocator.Resolve(null, "", [searchFolder]));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [TestMethod]
    public void Missing_libraries_are_clear_errors()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}", "libonnxruntime.so.1");
        var explicitError = Assert.ThrowsExactly<OnnxRuntimeException>(() => OrtLibrary.Load(missing));
        Assert.Contains("does not exist", explicitError.Message);
        Assert.Contains(missing, explicitError.Message);

        var variableError = Assert.ThrowsExactly<OnnxRuntimeException>(() => OrtLibraryLocator.Resolve(null, missing, []));
        Assert.Contains(OrtLibrary.PathVariable, variableError.Message);

        var searchError = Assert.ThrowsExactly<OnnxRuntimeException>(() => OrtLibraryLocator.Resolve(null, null, [Path.GetDirectoryName(missing)!]));
        Assert.Contains("was not found", searchError.Message);
        Assert.Contains(OrtLibrary.PathVariable, searchError.Message);
    }

    [TestMethod]
    public void A_library_that_is_not_ONNX_Runtime_is_refused()
    {
        // libm is a real shared library without OrtGetApiBase.
        var libm = new[] { "/lib/x86_64-linux-gnu/libm.so.6", "/usr/lib/x86_64-linux-gnu/libm.so.6", "/lib64/libm.so.6" }.FirstOrDefault(File.Exists);
        if (libm is null) Assert.Inconclusive("No libm.so.6 found to stand in for a foreign library.");
        var error = Assert.ThrowsExactly<OnnxRuntimeException>(() => OrtLibrary.Load(libm));
        Assert.Contains("does not export OrtGetApiBase", error.Message);
    }

    [TestMethod]
    public void A_file_that_is_not_a_library_is_refused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fake-{Guid.NewGuid():N}.so");
        File.WriteAllText(path, "not a shared library");
        try
        {
            var error = Assert.ThrowsExactly<OnnxRuntimeException>(() => OrtLibrary.Load(path));
            StringAssert.StartsWith(error.Message, $"Could not load the ONNX Runtime library {path}");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
