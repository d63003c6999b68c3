using Pipelines.Tests;
using Pipelines.Export.Onnx;
using Pipelines.Export.Onnx.Proto;

namespace Pipelines.Export.Tests.Onnx;

/// <summary>Runs the reference ONNX checker (Debian's python3-onnx) with full_check, which includes strict shape and type inference.</summary>
internal static class OnnxChecker
{
    private const string Script = """
        import sys
        import onnx
        model = onnx.load(sys.argv[1])
        onnx.checker.check_model(model, full_check=True)
        print("ok", len(model.graph.node))
        """;

    public static void Check(ModelProto model)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pipelines-check-{Guid.NewGuid():N}.onnx");
        try
        {
            OnnxModel.Save(model, path);
            var output = ReferencePython.Run(Script, path).Trim();
            Assert.AreEqual($"ok {model.Graph.Node.Count}", output);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
