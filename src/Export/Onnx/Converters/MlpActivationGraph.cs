using Pipelines.Trainers.Mlp;

namespace Pipelines.Export.Onnx.Converters;

/// <summary>An <see cref="MlpActivation"/> as ONNX nodes, computing what the in-process model computes.</summary>
internal static class MlpActivationGraph
{
    /// <summary>LeakyRelu's negative slope in the engine.</summary>
    public const float LeakySlope = 0.01f;

    private const float SqrtTwoOverPi = 0.7978845608028654f;
    private const float GeluCubic = 0.044715f;

    /// <summary>The activation of <paramref name="value"/>; Identity returns the value itself.</summary>
    public static string Apply(OnnxGraphBuilder graph, MlpActivation activation, string value, string hint) => activation switch
    {
        MlpActivation.Relu => graph.AddNode("Relu", hint, [value]),
        MlpActivation.LeakyRelu => graph.AddNode("LeakyRelu", hint, [value], OnnxAttr.OfFloat("alpha", LeakySlope)),
        MlpActivation.Tanh => graph.AddNode("Tanh", hint, [value]),
        MlpActivation.Gelu => Gelu(graph, value, hint),
        MlpActivation.Identity => value,
        _ => throw new OnnxExportException($"MlpModel: activation {activation} has no ONNX form."),
    };

    /// <summary>GELU, tanh approximation: 0.5 v (1 + tanh(sqrt(2/pi) (v + 0.044715 v^3))), as the engine's GeluForward.</summary>
    private static string Gelu(OnnxGraphBuilder graph, string v, string hint)
    {
        var square = graph.AddNode("Mul", hint + "_sq", [v, v]);
        var cube = graph.AddNode("Mul", hint + "_cube", [square, v]);
        var cubic = graph.AddNode("Mul", hint + "_cubic", [cube, graph.AddFloats(hint + "_k", [GeluCubic])]);
        var inner = graph.AddNode("Add", hint + "_inner", [v, cubic]);
        var scaled = graph.AddNode("Mul", hint + "_arg", [inner, graph.AddFloats(hint + "_c", [SqrtTwoOverPi])]);
        var tanh = graph.AddNode("Tanh", hint + "_tanh", [scaled]);
        var onePlus = graph.AddNode("Add", hint + "_one_plus", [tanh, graph.AddFloats(hint + "_one", [1f])]);
        var half = graph.AddNode("Mul", hint + "_half", [v, graph.AddFloats(hint + "_h", [0.5f])]);
        return graph.AddNode("Mul", hint, [half, onePlus]);
    }
}
