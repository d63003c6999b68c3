using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Pipelines.Data;
using Pipelines.Export.Onnx;
using Pipelines.Export.Onnx.Proto;
using Pipelines.Export.Serving;

namespace Pipelines.Export.Tests.Onnx;

/// <summary>One output of an ONNX Runtime run, copied out of ORT's memory: its name, shape and elements.</summary>
internal sealed record OrtOutput(string Name, int[] Shape, Array Data)
{
    public float[] Floats => (float[])Data;

    public string[] Strings => (string[])Data;

    /// <summary>Runs <paramref name="model"/> in ONNX Runtime (the official API, on the CPU) on <paramref name="frame"/>'s columns.</summary>
    public static IReadOnlyList<OrtOutput> Run(ModelProto model, DataFrame frame)
    {
        using var session = new InferenceSession(OnnxModel.ToBytes(model));
        using var outputs = session.Run(OnnxInputs.FromFrame(session.InputMetadata, frame));
        return [.. outputs.Select(Copy)];
    }

    private static OrtOutput Copy(NamedOnnxValue value) => value.Value switch
    {
        Tensor<float> t => new OrtOutput(value.Name, t.Dimensions.ToArray(), t.ToArray()),
        Tensor<string> t => new OrtOutput(value.Name, t.Dimensions.ToArray(), t.ToArray()),
        Tensor<long> t => new OrtOutput(value.Name, t.Dimensions.ToArray(), t.ToArray()),
        var other => throw new InvalidOperationException($"Output '{value.Name}' is {other?.GetType().Name}."),
    };
}
