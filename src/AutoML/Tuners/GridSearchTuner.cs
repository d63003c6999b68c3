using Pipelines.AutoML.SearchSpace;

namespace Pipelines.AutoML.Tuners;

/// <summary>
/// Every combination of a per-coordinate grid, in a fixed order (the last coordinate changes fastest), then done.
/// Grid of a coordinate: a continuous one gets <c>points</c> evenly spaced unit values 0, 1/(points-1), ..., 1 (so
/// the range ends are included; on a log scale the values are evenly spaced in log); a discrete one with at most
/// <c>points</c> levels gets every level, a choice always gets every option, and a larger integer range gets
/// <c>points</c> levels spread evenly (level round(i (L-1)/(points-1))). Combinations that decode to parameters
/// already proposed (they differ only in coordinates inactive under a choice) are skipped. Reports are ignored.
/// </summary>
public sealed class GridSearchTuner : ITuner
{
    private readonly ParameterSpace _space;
    private readonly double[][] _grid;
    private readonly int[] _odometer;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private (double[] Point, Parameters Parameters)? _pending;
    private bool _exhausted;
    private int _next;

    /// <param name="space">The space to enumerate.</param>
    /// <param name="points">Grid points for each continuous (and large integer) coordinate; at least 1 (1 gives the middle).</param>
    public GridSearchTuner(ParameterSpace space, int points = 5)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 1);
        _space = space;
        _grid = [.. space.Dimensions.Select(d => GridOf(d.Scale, points))];
        _odometer = new int[_grid.Length];
        Advance(first: true);
    }

    /// <summary>The unit values of each coordinate's grid, in order.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Grid => _grid;

    public bool IsDone => _pending is null;

    public Trial Propose()
    {
        var (point, parameters) = _pending ?? throw TrialRecord.Exhausted(nameof(GridSearchTuner));
        var trial = new Trial(_next++, point, parameters);
        Advance(first: false);
        return trial;
    }

    public void Report(Trial trial, double loss, double cost, bool failed)
    {
        ArgumentNullException.ThrowIfNull(trial);
        TrialRecord.CheckCost(cost);
    }

    private static double[] GridOf(IUnitScale scale, int points)
    {
        if (scale.Levels is int levels)
        {
            if (levels <= points || scale is Choice) return [.. Enumerable.Range(0, levels).Select(scale.UnitOf)];
            if (points == 1) return [scale.UnitOf((levels - 1) / 2)];
            return [.. Enumerable.Range(0, points).Select(i => (int)Math.Round(i * (levels - 1.0) / (points - 1))).Distinct().Select(scale.UnitOf)];
        }
        if (points == 1) return [0.5];
        return [.. Enumerable.Range(0, points).Select(i => i / (points - 1.0))];
    }

    /// <summary>Moves to the next combination whose decoded parameters are new, or marks the grid exhausted.</summary>
    private void Advance(bool first)
    {
        _pending = null;
        while (!_exhausted)
        {
            if (!first && !Step()) { _exhausted = true; return; }
            first = false;
            var point = new double[_grid.Length];
            for (var i = 0; i < point.Length; i++) point[i] = _grid[i][_odometer[i]];
            var parameters = _space.Decode(point);
            if (_seen.Add(parameters.ToString()))
            {
                _pending = (point, parameters);
                return;
            }
        }
    }

    /// <summary>Odometer increment, last coordinate fastest; false after the last combination.</summary>
    private bool Step()
    {
        for (var i = _odometer.Length - 1; i >= 0; i--)
        {
            if (++_odometer[i] < _grid[i].Length) return true;
            _odometer[i] = 0;
        }
        return false;
    }
}
