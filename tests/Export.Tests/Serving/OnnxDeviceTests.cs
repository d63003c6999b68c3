using Pipelines.Errors;
using Pipelines.Export.Serving;

namespace Pipelines.Export.Tests.Serving;

[TestClass]
public sealed class OnnxDeviceTests
{
    [TestMethod]
    [DataRow("cpu", false, 0, "cpu")]
    [DataRow("CPU", false, 0, "cpu")]
    [DataRow("cuda", true, 0, "cuda:0")]
    [DataRow("cuda:0", true, 0, "cuda:0")]
    [DataRow("Cuda:3", true, 3, "cuda:3")]
    [DataRow(" cuda:12 ", true, 12, "cuda:12")]
    public void Parse_reads_cpu_cuda_and_cuda_N(string text, bool isCuda, int id, string written)
    {
        var device = OnnxDevice.Parse(text);
        Assert.AreEqual(isCuda, device.IsCuda);
        Assert.AreEqual(id, device.DeviceId);
        Assert.AreEqual(written, device.ToString());
        Assert.AreEqual(device, OnnxDevice.Parse(device.ToString()));
    }

    [TestMethod]
    [DataRow("gpu")]
    [DataRow("")]
    [DataRow("cuda:")]
    [DataRow("cuda:-1")]
    [DataRow("cuda:+1")]
    [DataRow("cuda:x")]
    [DataRow("cuda0")]
    [DataRow("cuda:99999999999")]
    public void Anything_else_is_an_error_listing_the_forms(string text)
    {
        var error = Assert.ThrowsExactly<PipelineException>(() => OnnxDevice.Parse(text));
        Assert.AreEqual($"'{text}' is not a device: use cpu, cuda or cuda:N (N the CUDA device number, from 0).", error.Message);
    }

    [TestMethod]
    public void Cuda_refuses_a_negative_device()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => OnnxDevice.Cuda(-1));
        Assert.AreEqual(OnnxDevice.Cuda(0), OnnxDevice.Cuda());
        Assert.AreNotEqual(OnnxDevice.Cpu, OnnxDevice.Cuda(0));
    }
}
