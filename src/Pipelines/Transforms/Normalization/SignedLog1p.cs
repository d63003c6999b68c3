using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Persistence;

namespace Pipelines.Transforms.Normalization;

/// <summary>
/// Fitted signed log: y = sign(x) * ln(1 + |x|) on each of <see cref="Columns"/> (see <see cref="Log1pTransform"/>).
/// NaN stays NaN; -0 stays -0. (ONNX: Abs, Log(1 + .), Sign, Mul.)
/// </summary>
[PersistedType("signed-log1p")]
public sealed class SignedLog1p : IScratchTransformer
{
    public SignedLog1p(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Columns = [.. columns];
    }

    /// <summary>The numeric columns transformed.</summary>
    public IReadOnlyList<string> Columns { get; }

    public DataSchema GetOutputSchema(DataSchema input)
    {
        ColumnSelection.Require(nameof(SignedLog1p), input, Columns, ColumnKind.Numeric);
        return input;
    }

    /// <summary>
    /// sign(x) * ln(1 + |x|) for one value, in double and rounded once. Uses ln(u) * a / (u - 1) with u = 1 + a
    /// (Goldberg's correction), so tiny values keep full float precision where ln(1 + a) would lose it to rounding of u.
    /// </summary>
    public static float Apply(float x)
    {
        var a = Math.Abs((double)x);
        var u = 1.0 + a;
        double y;
        if (u == 1.0) y = a;                         // a below double epsilon: ln(1 + a) = a to double precision
        else if (!double.IsFinite(u)) y = Math.Log(u); // +infinity or NaN pass through
        else y = Math.Log(u) * a / (u - 1.0);
        return float.CopySign((float)y, x);
    }

    public DataFrame Transform(DataFrame input) => Transform(input, ScratchColumns.None);

    public DataFrame Transform(DataFrame input, ScratchColumns scratch)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(scratch);
        GetOutputSchema(input.Schema);
        var transformed = new List<Column>(Columns.Count);
        foreach (var name in Columns)
        {
            var column = input.Numeric(name);
            var values = scratch.Writable(column);
            // A scalar loop on purpose: TensorPrimitives.LogP1's vector and scalar paths differ in the last bit,
            // so a row would transform differently alone than in a batch.
            for (var r = 0; r < values.Length; r++) values[r] = Apply(values[r]);
            transformed.Add(new NumericColumn(name, values));
        }
        return input.With(transformed);
    }
}
