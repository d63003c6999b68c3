using System.Text.Json.Serialization;
using Pipelines.Persistence;

namespace Pipelines.Calibration;

/// <summary>
/// Isotonic calibration: a non-decreasing piecewise-linear map through knots (X, Y), fitted by pool-adjacent-violators
/// on (probability, 0/1 outcome); inputs outside [X₀, X_last] are clipped to it. Knots inside a flat stretch are dropped,
/// which leaves the map unchanged. Evaluation is y = Y[i] + (x − X[i])·Slopes[i], where i counts the knots after the
/// first that are ≤ x, and the last knot's slope is 0; the ONNX converter computes the same in the same order.
/// </summary>
[PersistedType("isotonic-calibrator")]
public sealed class IsotonicCalibrator : Calibrator
{
    private readonly float[] _x;
    private readonly float[] _y;
    private readonly float[] _slopes;

    public IsotonicCalibrator(IReadOnlyList<float> x, IReadOnlyList<float> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count == 0 || x.Count != y.Count)
            throw new ArgumentException($"IsotonicCalibrator: needs at least one knot and as many Y as X values, got {x.Count} and {y.Count}.");
        for (var i = 0; i < x.Count; i++)
        {
            if (!float.IsFinite(x[i]) || !float.IsFinite(y[i]) || (i > 0 && (x[i] <= x[i - 1] || y[i] < y[i - 1])))
                throw new ArgumentException($"IsotonicCalibrator: knot {i} ({x[i]}, {y[i]}) breaks the order; X must increase strictly and Y must not decrease.");
        }
        _x = [.. x];
        _y = [.. y];
        _slopes = new float[_x.Length];
        for (var i = 0; i + 1 < _x.Length; i++) _slopes[i] = (_y[i + 1] - _y[i]) / (_x[i + 1] - _x[i]);
    }

    /// <summary>Knot positions, strictly increasing.</summary>
    public IReadOnlyList<float> X => _x;

    /// <summary>Knot values, non-decreasing.</summary>
    public IReadOnlyList<float> Y => _y;

    /// <summary>Slope of the segment starting at each knot, (Y[i+1] − Y[i]) / (X[i+1] − X[i]) in float; 0 at the last knot.</summary>
    [JsonIgnore]
    public IReadOnlyList<float> Slopes => _slopes;

    /// <inheritdoc/>
    public override float Apply(float probability)
    {
        var x = Math.Min(Math.Max(probability, _x[0]), _x[^1]);
        // Knots after the first with X ≤ x: an upper bound search over _x[1..].
        int lo = 1, hi = _x.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (x >= _x[mid]) lo = mid + 1;
            else hi = mid;
        }
        var i = lo - 1;
        return Clip(_y[i] + (x - _x[i]) * _slopes[i]);
    }

    /// <summary>Fits the map to rows of <paramref name="probabilities"/> (this class's probability) and whether each row is of the class.</summary>
    public static IsotonicCalibrator Fit(ReadOnlySpan<float> probabilities, ReadOnlySpan<bool> positive)
    {
        if (probabilities.Length != positive.Length)
            throw new ArgumentException($"IsotonicCalibrator: {probabilities.Length} probabilities but {positive.Length} labels.");
        if (probabilities.Length == 0) throw new ArgumentException("IsotonicCalibrator: no rows to fit on.");
        foreach (var p in probabilities)
        {
            if (!float.IsFinite(p)) throw new ArgumentException($"IsotonicCalibrator: probability {p} is not finite.");
        }
        var outcome = new double[positive.Length];
        for (var i = 0; i < outcome.Length; i++) outcome[i] = positive[i] ? 1 : 0;
        var (x, y) = PoolAdjacentViolators.Fit(probabilities, outcome);
        var keptX = new List<float>();
        var keptY = new List<float>();
        for (var i = 0; i < x.Length; i++)
        {
            // A knot strictly inside a flat stretch changes nothing: drop it.
            var inside = i > 0 && i + 1 < x.Length && y[i - 1] == y[i] && y[i] == y[i + 1];
            if (inside) continue;
            keptX.Add((float)x[i]);
            keptY.Add((float)y[i]);
        }
        return new IsotonicCalibrator(keptX, keptY);
    }
}
