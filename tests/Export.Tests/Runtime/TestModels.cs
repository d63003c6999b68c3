using Pipelines.Tests;

namespace Pipelines.Export.Tests.Runtime;

/// <summary>
/// Small ONNX models written once per test run by Debian's python3-onnx (opset 17, IR version 8) into a temp folder.
/// Tests using them are Inconclusive when the onnx module is missing.
/// </summary>
internal static class TestModels
{
    /// <summary>Y = X · W + B with X float [N, 3]; W and B below.</summary>
    public const string Linear = "linear.onnx";
    /// <summary>Z = A + B on int64 [N, 2].</summary>
    public const string AddInt64 = "add_int64.onnx";
    /// <summary>Out = Identity(S) on strings [N], and Code = LabelEncoder(S) (ai.onnx.ml): "a"→1, "b"→2, "é"→3, else -1.</summary>
    public const string Strings = "strings.onnx";

    public static readonly float[] Weights = [0.5f, -1f, 2f, 0.25f, -0.75f, 1.5f]; // [3, 2], row-major
    public static readonly float[] Bias = [0.1f, -0.2f];

    private static readonly Lazy<string> s_folder = new(Write, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The path of <paramref name="name"/>, writing all the models first if needed.</summary>
    public static string PathOf(string name) => Path.Combine(s_folder.Value, name);

    /// <summary>Y for X under the <see cref="Linear"/> model, computed here.</summary>
    public static float[] LinearExpected(float[] x)
    {
        var rows = x.Length / 3;
        var y = new float[rows * 2];
        for (var r = 0; r < rows; r++)
            for (var j = 0; j < 2; j++)
            {
                var sum = 0f;
                for (var k = 0; k < 3; k++) sum += x[r * 3 + k] * Weights[k * 2 + j];
                y[r * 2 + j] = sum + Bias[j];
            }
        return y;
    }

    private static string Write()
    {
        var folder = Directory.CreateTempSubdirectory("ort-binding-models-").FullName;
        var weights = string.Join(", ", Weights.Select(w => w.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        var bias = string.Join(", ", Bias.Select(w => w.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        ReferencePython.Run($$"""
            import os, sys
            import onnx
            from onnx import helper, TensorProto
            folder = sys.argv[1]

            def save(graph, name, extra_opsets=(), **meta):
                opsets = [helper.make_opsetid("", 17)] + [helper.make_opsetid(d, v) for d, v in extra_opsets]
                model = helper.make_model(graph, opset_imports=opsets, producer_name="pipelines-tests", ir_version=8)
                model.doc_string = meta.pop("doc", "")
                model.model_version = 7
                for k, v in meta.items():
                    p = model.metadata_props.add(); p.key = k; p.value = v
                onnx.checker.check_model(model)
                onnx.save(model, os.path.join(folder, name))

            W = helper.make_tensor("W", TensorProto.FLOAT, [3, 2], [{{weights}}])
            B = helper.make_tensor("B", TensorProto.FLOAT, [2], [{{bias}}])
            g = helper.make_graph(
                [helper.make_node("MatMul", ["X", "W"], ["XW"]), helper.make_node("Add", ["XW", "B"], ["Y"])],
                "linear",
                [helper.make_tensor_value_info("X", TensorProto.FLOAT, ["N", 3])],
                [helper.make_tensor_value_info("Y", TensorProto.FLOAT, ["N", 2])],
                [W, B])
            save(g, "{{Linear}}", doc="a linear layer", purpose="test", author="ort-binding")

            g = helper.make_graph(
                [helper.make_node("Add", ["A", "B"], ["Z"])],
                "add_int64",
                [helper.make_tensor_value_info("A", TensorProto.INT64, ["N", 2]),
                 helper.make_tensor_value_info("B", TensorProto.INT64, ["N", 2])],
                [helper.make_tensor_value_info("Z", TensorProto.INT64, ["N", 2])])
            save(g, "{{AddInt64}}")

            g = helper.make_graph(
                [helper.make_node("Identity", ["S"], ["Out"]),
                 helper.make_node("LabelEncoder", ["S"], ["Code"], domain="ai.onnx.ml",
                                  keys_strings=["a", "b", "\u00e9"], values_int64s=[1, 2, 3], default_int64=-1)],
                "strings",
                [helper.make_tensor_value_info("S", TensorProto.STRING, ["N"])],
                [helper.make_tensor_value_info("Out", TensorProto.STRING, ["N"]),
                 helper.make_tensor_value_info("Code", TensorProto.INT64, ["N"])])
            save(g, "{{Strings}}", extra_opsets=[("ai.onnx.ml", 2)])
            print("ok")
            """, folder);
        return folder;
    }
}
