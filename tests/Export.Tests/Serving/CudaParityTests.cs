using Pipelines.Data;
using Pipelines.Export.Onnx;
using Pipelines.Export.Serving;
using Pipelines.Export.Tests.Onnx;
using Pipelines.Prediction;
using Pipelines.Trainers.Trees;

namespace Pipelines.Export.Tests.Serving;

/// <summary>
/// Exported models give the same predictions on the CUDA execution provider as on the CPU: labels equal, probabilities
/// within 1e-5. Runs where cuda:0 is usable (the CUDA build, -p:OnnxRuntimeGpu=true, on a machine with an NVIDIA GPU,
/// its driver, CUDA 13 and cuDNN 9); elsewhere it is Inconclusive with what is missing.
/// </summary>
[TestClass]
public sealed class CudaParityTests
{
    private const float Tolerance = 1e-5f;

    [TestMethod]
    public void Mlp_and_gbdt_predict_the_same_on_CUDA_as_on_the_CPU()
    {
        var device = OnnxDevice.Cuda(0);
        if (OnnxSessions.WhyUnusable(device) is { } reason) Assert.Inconclusive($"CUDA parity not run: {device} cannot be used: {reason}.");

        var data = MlpTestData.Read("breast_cancer.csv", "diagnosis");
        var mlp = MlpTestData.Classifier("breast_cancer.csv", data);
        var gbdt = new GbdtClassifier { Rounds = 30, Seed = 1 }.Fit(data);
        foreach (var (name, model) in new (string, Core.ITransformer)[] { ("mlp", mlp), ("gbdt", gbdt) })
        {
            var path = Path.Combine(Path.GetTempPath(), $"cuda-parity-{name}-{Guid.NewGuid():N}.onnx");
            OnnxModel.Save(OnnxExporter.Export(model, data), path);
            try
            {
                using var cpu = OnnxScorer.Open(path, OnnxDevice.Cpu);
                using var cuda = OnnxScorer.Open(path, device);
                Assert.AreEqual(device, cuda.Device);
                AssertSame(name, cpu.Predict(data), cuda.Predict(data));
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    private static void AssertSame(string model, DataFrame cpu, DataFrame cuda)
    {
        CollectionAssert.AreEqual(cpu.Names.ToArray(), cuda.Names.ToArray(), model);
        for (var r = 0; r < cpu.RowCount; r++)
            Assert.AreEqual(cpu[PredictionColumns.PredictedLabel].FormatValue(r), cuda[PredictionColumns.PredictedLabel].FormatValue(r), $"{model}, label, row {r}");
        foreach (var column in cpu.Names.Where(n => n != PredictionColumns.PredictedLabel))
        {
            var a = cpu.Numeric(column);
            var b = cuda.Numeric(column);
            for (var r = 0; r < cpu.RowCount; r++) Assert.AreEqual(a[r], b[r], Tolerance, $"{model}, {column}, row {r}");
        }
    }
}
