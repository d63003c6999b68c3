using Pipelines.Export.Serving;

namespace Pipelines.Export.Tests.Serving;

/// <summary>What the probe says is missing, on machines described by <see cref="FakeCudaSystem"/>: one cause each, first missing first.</summary>
[TestClass]
public sealed class CudaProbeTests
{
    [TestMethod]
    public void A_machine_with_everything_can_run()
    {
        var system = new FakeCudaSystem();
        Assert.IsNull(CudaProbe.Problem(0, system));
        CollectionAssert.AreEqual(
            new[] { "libcuda.so.1", "libcudart.so.13", "libcublasLt.so.13", "libcublas.so.13", "libcurand.so.10", "libcudnn.so.9" },
            system.Asked);
    }

    [TestMethod]
    public void The_CPU_build_says_to_rebuild_with_the_switch()
    {
        var system = new FakeCudaSystem { Providers = ["CPUExecutionProvider"] };
        Assert.AreEqual("this build has the CPU ONNX Runtime; rebuild with -p:OnnxRuntimeGpu=true", CudaProbe.Problem(0, system));
        Assert.IsEmpty(system.Asked, "nothing else is probed");
    }

    [TestMethod]
    public void Another_platform_is_named()
    {
        var system = new FakeCudaSystem { IsLinuxX64 = false, Platform = "Darwin 24.1.0 Arm64" };
        Assert.AreEqual(
            "the CUDA build of ONNX Runtime (Microsoft.ML.OnnxRuntime.Gpu.Linux) runs on Linux x64 only, and this is Darwin 24.1.0 Arm64",
            CudaProbe.Problem(0, system));
    }

    [TestMethod]
    public void No_driver_names_libcuda()
    {
        var system = new FakeCudaSystem { Libraries = [] };
        Assert.AreEqual(
            "libcuda.so.1 (the NVIDIA driver) not found: install the NVIDIA driver on a machine with an NVIDIA GPU",
            CudaProbe.Problem(0, system));
    }

    [TestMethod]
    public void A_driver_that_fails_to_start_quotes_the_error()
    {
        var system = new FakeCudaSystem { DriverState = new CudaDriverState("CUDA_ERROR_NO_DEVICE (100)", 0, 0) };
        Assert.AreEqual("the NVIDIA driver cannot use any GPU: cuInit failed with CUDA_ERROR_NO_DEVICE (100)", CudaProbe.Problem(0, system));
    }

    [TestMethod]
    public void A_driver_for_CUDA_12_is_too_old()
    {
        var system = new FakeCudaSystem { DriverState = new CudaDriverState(null, 12040, 2) };
        Assert.AreEqual(
            "the NVIDIA driver supports CUDA 12.4, but ONNX Runtime's CUDA build needs CUDA 13: update the driver",
            CudaProbe.Problem(0, system));
    }

    [TestMethod]
    public void A_newer_CUDA_13_driver_is_fine()
    {
        Assert.IsNull(CudaProbe.Problem(0, new FakeCudaSystem { DriverState = new CudaDriverState(null, 13020, 1) }));
    }

    [TestMethod]
    [DataRow(1, 1, "device cuda:1 out of range: this machine has 1 CUDA device (cuda:0)")]
    [DataRow(4, 2, "device cuda:4 out of range: this machine has 2 CUDA devices (cuda:0 to cuda:1)")]
    [DataRow(0, 0, "the NVIDIA driver sees no CUDA device")]
    public void A_device_number_past_the_last_GPU_is_out_of_range(int device, int count, string expected)
    {
        var system = new FakeCudaSystem { DriverState = new CudaDriverState(null, 13000, count) };
        Assert.AreEqual(expected, CudaProbe.Problem(device, system));
        if (count > 0) Assert.IsNull(CudaProbe.Problem(count - 1, system), "the last device is in range");
    }

    [TestMethod]
    [DataRow("libcudart.so.13", "the CUDA runtime")]
    [DataRow("libcublasLt.so.13", "cuBLASLt")]
    [DataRow("libcublas.so.13", "cuBLAS")]
    [DataRow("libcurand.so.10", "cuRAND")]
    public void A_missing_CUDA_library_is_named(string library, string component)
    {
        var system = new FakeCudaSystem();
        system.Libraries.Remove(library);
        Assert.AreEqual(
            $"{library} ({component}) not found: install the CUDA 13 runtime libraries (cudart, cuBLAS, cuRAND) where the loader finds them (ldconfig or LD_LIBRARY_PATH)",
            CudaProbe.Problem(0, system));
    }

    [TestMethod]
    public void A_missing_cuDNN_is_named_with_its_CUDA_version()
    {
        var system = new FakeCudaSystem();
        system.Libraries.Remove("libcudnn.so.9");
        Assert.AreEqual("libcudnn.so.9 not found: install cuDNN 9 for CUDA 13", CudaProbe.Problem(0, system));
    }

    [TestMethod]
    public void Session_options_for_an_unusable_device_fail_with_one_sentence_naming_it()
    {
        var system = new FakeCudaSystem();
        system.Libraries.Remove("libcudnn.so.9");
        var error = Assert.ThrowsExactly<OnnxServingException>(() => OnnxSessions.CreateOptions(OnnxDevice.Cuda(0), system));
        Assert.AreEqual("cannot run on cuda:0: libcudnn.so.9 not found: install cuDNN 9 for CUDA 13 (see docs/onnxruntime.md)", error.Message);
    }
}
