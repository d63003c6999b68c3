using Pipelines.Calibration;
using Pipelines.Export.Onnx.Proto;

namespace Pipelines.Export.Onnx.Converters;

/// <summary>
/// A <see cref="ProbabilityCalibration"/> as graph nodes on float [N, K] probabilities, in the same float operations
/// and order as in process. Binary: the class-1 column is calibrated and the rows become [1 − p, p]. More classes:
/// every column is calibrated (one calibrator per class) and each row divided by its sum (ReduceSum, Div).
/// </summary>
internal static class CalibrationGraph
{
    public static string Emit(OnnxGraphBuilder graph, string probabilities, ProbabilityCalibration calibration, int classCount)
    {
        if (calibration.Method == CalibrationMethod.None) return probabilities;
        if (classCount == 2)
        {
            var positive = graph.AddNode("Slice", "p_class1", [probabilities, Ints(graph, "class1_start", 1), Ints(graph, "class1_end", 2), Ints(graph, "class_axis", 1)]);
            return LearnerOutputGraph.BinaryProbabilities(graph, Calibrate(graph, positive, calibration));
        }
        var calibrated = Calibrate(graph, probabilities, calibration);
        var sum = graph.AddNode("ReduceSum", "calibrated_sum", [calibrated, Ints(graph, "sum_axis", 1)], OnnxAttr.OfInt("keepdims", 1));
        return graph.AddNode("Div", "calibrated_probabilities", [calibrated, sum]);
    }

    /// <summary>Each column c of <paramref name="x"/> (float [N, C]) through calibrator c, clipped to [ε, 1 − ε].</summary>
    private static string Calibrate(OnnxGraphBuilder graph, string x, ProbabilityCalibration calibration)
    {
        var y = calibration.Method switch
        {
            CalibrationMethod.Platt => Platt(graph, x, [.. calibration.Calibrators.Cast<PlattCalibrator>()]),
            CalibrationMethod.Isotonic => Isotonic(graph, x, [.. calibration.Calibrators.Cast<IsotonicCalibrator>()]),
            _ => throw new OnnxExportException($"DecisionStep: calibration method {calibration.Method} has no ONNX form."),
        };
        return Clip(graph, y, "calibrated");
    }

    /// <summary>sigmoid(A·(log q − log(1 − q)) + B), q the clipped probability; A and B per column.</summary>
    private static string Platt(OnnxGraphBuilder graph, string x, PlattCalibrator[] calibrators)
    {
        var c = calibrators.Length;
        var q = Clip(graph, x, "platt_input");
        var one = graph.AddFloats("platt_one", [1f]);
        var logQ = graph.AddNode("Log", "platt_log_p", [q]);
        var logRest = graph.AddNode("Log", "platt_log_rest", [graph.AddNode("Sub", "platt_rest", [one, q])]);
        var logit = graph.AddNode("Sub", "platt_logit", [logQ, logRest]);
        var a = graph.AddFloats("platt_a", [.. calibrators.Select(p => p.A)], c);
        var b = graph.AddFloats("platt_b", [.. calibrators.Select(p => p.B)], c);
        var z = graph.AddNode("Add", "platt_z", [graph.AddNode("Mul", "platt_scaled", [logit, a]), b]);
        return graph.AddNode("Sigmoid", "platt_p", [z]);
    }

    /// <summary>
    /// Piecewise-linear interpolation per column. Knot tables are padded to one length M with copies of the last knot
    /// (slope 0), flattened as C×M, and looked up with Gather: x is clipped to the column's knot range, the segment
    /// index counts the knots after the first that are ≤ x, and y = Y[i] + (x − X[i])·S[i].
    /// </summary>
    private static string Isotonic(OnnxGraphBuilder graph, string x, IsotonicCalibrator[] calibrators)
    {
        var c = calibrators.Length;
        var m = Math.Max(2, calibrators.Max(k => k.X.Count));
        var knotX = new float[c * m];
        var knotY = new float[c * m];
        var slopes = new float[c * m];
        var inner = new float[c * (m - 1)];
        for (var k = 0; k < c; k++)
        {
            var calibrator = calibrators[k];
            var last = calibrator.X.Count - 1;
            for (var j = 0; j < m; j++)
            {
                var at = Math.Min(j, last);
                knotX[k * m + j] = calibrator.X[at];
                knotY[k * m + j] = calibrator.Y[at];
                slopes[k * m + j] = j <= last ? calibrator.Slopes[j] : 0f;
                if (j > 0) inner[k * (m - 1) + j - 1] = knotX[k * m + j];
            }
        }
        var low = graph.AddFloats("isotonic_low", [.. calibrators.Select(k => k.X[0])], c);
        var high = graph.AddFloats("isotonic_high", [.. calibrators.Select(k => k.X[^1])], c);
        var clipped = graph.AddNode("Min", "isotonic_x", [graph.AddNode("Max", "isotonic_above_low", [x, low]), high]);
        var column = graph.AddNode("Unsqueeze", "isotonic_x3", [clipped, Ints(graph, "knot_axis", 2)]);
        var passed = graph.AddNode("GreaterOrEqual", "isotonic_passed", [column, graph.AddFloats("isotonic_inner_knots", inner, c, m - 1)]);
        var counts = graph.AddNode("Cast", "isotonic_passed_count", [passed], OnnxPatterns.CastTo(TensorProto.Types.DataType.Int64));
        var segment = graph.AddNode("ReduceSum", "isotonic_segment", [counts, Ints(graph, "knot_axis", 2)], OnnxAttr.OfInt("keepdims", 0));
        var offsets = graph.AddInt64s("isotonic_offsets", [.. Enumerable.Range(0, c).Select(k => (long)k * m)], c);
        var index = graph.AddNode("Add", "isotonic_index", [segment, offsets]);
        var x0 = graph.AddNode("Gather", "isotonic_x0", [graph.AddFloats("isotonic_knot_x", knotX, c * m), index], OnnxAttr.OfInt("axis", 0));
        var y0 = graph.AddNode("Gather", "isotonic_y0", [graph.AddFloats("isotonic_knot_y", knotY, c * m), index], OnnxAttr.OfInt("axis", 0));
        var slope = graph.AddNode("Gather", "isotonic_slope", [graph.AddFloats("isotonic_slopes", slopes, c * m), index], OnnxAttr.OfInt("axis", 0));
        var rise = graph.AddNode("Mul", "isotonic_rise", [graph.AddNode("Sub", "isotonic_dx", [clipped, x0]), slope]);
        return graph.AddNode("Add", "isotonic_p", [y0, rise]);
    }

    private static string Clip(OnnxGraphBuilder graph, string x, string hint) =>
        graph.AddNode("Clip", hint + "_clipped", [x, graph.AddFloats(hint + "_min", [Calibrator.Epsilon]), graph.AddFloats(hint + "_max", [Calibrator.OneMinusEpsilon])]);

    /// <summary>A one-element int64 vector (axes, starts, ends).</summary>
    public static string Ints(OnnxGraphBuilder graph, string hint, long value) => graph.AddInt64s(hint, [value], 1);
}
