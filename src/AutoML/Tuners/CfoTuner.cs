using Pipelines.AutoML.SearchSpace;

namespace Pipelines.AutoML.Tuners;

/// <summary>
/// CFO's local search FLOW2 (Wu, Wang, Huang, "Frugal Optimization for Cost-related Hyperparameters", AAAI 2021),
/// as FLAML uses it, over the unit cube:
/// <list type="number">
/// <item>Start at the low-cost defaults x (<see cref="ParameterSpace.DefaultPoint"/>) and evaluate them, then any
/// points given to evaluate (FLAML's points_to_evaluate, e.g. a learner's library defaults); one that scores better
/// than x becomes x.</item>
/// <item>Draw a uniform direction u on the unit sphere; propose x + δu, and if that is not better, x − δu
/// (coordinates clamped into [0, 1]). A strictly lower loss moves x there.</item>
/// <item>After 2d non-improving proposals in a row (d = dimension), halve δ. δ starts at 0.1·√d.</item>
/// <item>When δ falls below <see cref="StepLowerBound"/>, the search has converged: count it
/// (<see cref="Convergences"/>) and restart from a uniform random point with the initial δ. The best trial ever seen
/// is kept (<see cref="BestLoss"/>).</item>
/// </list>
/// Integer and choice coordinates are handled by rounding in the decoded space: a proposal that decodes to the
/// incumbent's parameters (or to parameters already evaluated) is not proposed; it counts as a non-improving proposal.
/// Failed trials count as +∞. Proposals made before earlier ones are reported (parallel trials) each draw a new direction.
/// </summary>
public sealed class CfoTuner : ITuner
{
    private readonly ParameterSpace _space;
    private readonly Random _random;
    private readonly int _dimension;
    private readonly double _initialStep;
    private readonly Dictionary<int, Proposal> _outstanding = [];
    private readonly Queue<double[]> _mirrors = new();
    private readonly HashSet<string> _evaluated = new(StringComparer.Ordinal);
    private readonly Queue<double[]> _toEvaluate = new();
    private double[] _incumbent;
    private string _incumbentKey;
    private double _incumbentLoss = double.PositiveInfinity;
    private bool _startPending = true;
    private int _failures;
    private int _epoch;
    private int _next;

    /// <param name="space">The space to search.</param>
    /// <param name="seed">Seeds directions and restarts.</param>
    /// <param name="start">The first point (unit coordinates); null for the space's defaults.</param>
    /// <param name="stepLowerBound">The step below which the search counts as converged and restarts.</param>
    /// <param name="pointsToEvaluate">Parameters of this space proposed right after the start, in order.</param>
    public CfoTuner(ParameterSpace space, int seed = 0, IReadOnlyList<double>? start = null, double stepLowerBound = 1e-3, IEnumerable<Parameters>? pointsToEvaluate = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (!(stepLowerBound > 0)) throw new ArgumentOutOfRangeException(nameof(stepLowerBound), stepLowerBound, "The step lower bound must be > 0.");
        _space = space;
        _random = new Random(seed);
        _dimension = space.Dimension;
        _initialStep = 0.1 * Math.Sqrt(Math.Max(1, _dimension));
        StepLowerBound = stepLowerBound;
        Step = _initialStep;
        _incumbent = start is null ? space.DefaultPoint() : [.. start];
        if (_incumbent.Length != _dimension) throw new ArgumentException($"The start point has {_incumbent.Length} coordinates; the space has {_dimension}.", nameof(start));
        _incumbentKey = space.Decode(_incumbent).ToString();
        foreach (var parameters in pointsToEvaluate ?? []) _toEvaluate.Enqueue(space.Encode(parameters));
    }

    /// <summary>The current step size δ in unit coordinates.</summary>
    public double Step { get; private set; }

    /// <summary>δ below which the search restarts.</summary>
    public double StepLowerBound { get; }

    /// <summary>How many times the search converged (and restarted).</summary>
    public int Convergences { get; private set; }

    /// <summary>The lowest loss reported, +∞ before any finished trial.</summary>
    public double BestLoss { get; private set; } = double.PositiveInfinity;

    /// <summary>The trial with <see cref="BestLoss"/>, null before any finished trial.</summary>
    public Trial? BestTrial { get; private set; }

    /// <summary>The incumbent's loss since the last start or restart (+∞ until its start point is reported).</summary>
    public double IncumbentLoss => _incumbentLoss;

    /// <summary>Local search never runs out: it restarts.</summary>
    public bool IsDone => false;

    /// <summary>
    /// Starts again from <paramref name="point"/> (for instance the best point, when the data grows and losses are no
    /// longer comparable): the next proposal is that point, with the initial step.
    /// </summary>
    public void RestartAt(IReadOnlyList<double> point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (point.Count != _dimension) throw new ArgumentException($"The point has {point.Count} coordinates; the space has {_dimension}.", nameof(point));
        Begin([.. point]);
        _evaluated.Clear();
    }

    public Trial Propose()
    {
        if (_startPending)
        {
            _startPending = false;
            return Issue(_incumbent, mirror: null);
        }
        while (_toEvaluate.TryDequeue(out var given)) if (IsNew(given)) return Issue(given, mirror: null);
        if (_mirrors.TryDequeue(out var queued)) return Issue(queued, mirror: null);
        // Draw directions until one leads to parameters not seen yet; each miss counts as a non-improving proposal.
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var u = UnitSphere.Direction(_random, _dimension);
            var plus = Move(_incumbent, u, Step);
            var minus = Move(_incumbent, u, -Step);
            if (IsNew(plus)) return Issue(plus, IsNew(minus) ? minus : null);
            if (IsNew(minus)) return Issue(minus, mirror: null);
            if (NotImproved() && _startPending)
            {
                _startPending = false;
                return Issue(_incumbent, mirror: null);
            }
        }
        // Every neighbour within reach was evaluated (a tiny discrete space): re-propose the incumbent.
        return Issue(_incumbent, mirror: null);
    }

    public void Report(Trial trial, double loss, double cost, bool failed)
    {
        ArgumentNullException.ThrowIfNull(trial);
        TrialRecord.CheckCost(cost);
        if (!_outstanding.Remove(trial.Id, out var proposal)) throw TrialRecord.Unknown(nameof(CfoTuner), trial);
        var value = TrialRecord.EffectiveLoss(loss, failed);
        if (value < BestLoss)
        {
            BestLoss = value;
            BestTrial = trial;
        }
        if (proposal.Epoch != _epoch) return;
        // A start reported after a better given point (parallel trials) does not take its place.
        if (value < _incumbentLoss || (proposal.IsStart && double.IsPositiveInfinity(_incumbentLoss)))
        {
            var improved = !proposal.IsStart;
            _incumbent = proposal.Point;
            _incumbentKey = trial.Parameters.ToString();
            _incumbentLoss = value;
            if (improved)
            {
                _mirrors.Clear();
                _failures = 0;
            }
            return;
        }
        if (proposal.Mirror is not null) _mirrors.Enqueue(proposal.Mirror);
        NotImproved();
    }

    /// <summary>Counts a non-improving proposal; shrinks the step after 2d of them and restarts when converged. True on restart.</summary>
    private bool NotImproved()
    {
        if (++_failures < 2 * Math.Max(1, _dimension)) return false;
        _failures = 0;
        Step /= 2;
        if (Step >= StepLowerBound) return false;
        Convergences++;
        Begin(UnitSphere.UniformPoint(_random, _dimension));
        return true;
    }

    private void Begin(double[] point)
    {
        _epoch++;
        _incumbent = point;
        _incumbentKey = _space.Decode(point).ToString();
        _incumbentLoss = double.PositiveInfinity;
        Step = _initialStep;
        _failures = 0;
        _mirrors.Clear();
        _startPending = true;
    }

    private bool IsNew(double[] point)
    {
        var key = _space.Decode(point).ToString();
        return key != _incumbentKey && !_evaluated.Contains(key);
    }

    private Trial Issue(double[] point, double[]? mirror)
    {
        var parameters = _space.Decode(point);
        _evaluated.Add(parameters.ToString());
        var trial = new Trial(_next++, point, parameters);
        _outstanding[trial.Id] = new Proposal(point, mirror, IsStart: ReferenceEquals(point, _incumbent) && _incumbentLoss == double.PositiveInfinity, _epoch);
        return trial;
    }

    private static double[] Move(double[] x, double[] u, double step)
    {
        var y = new double[x.Length];
        for (var i = 0; i < x.Length; i++) y[i] = Math.Clamp(x[i] + step * u[i], 0, 1);
        return y;
    }

    private sealed record Proposal(double[] Point, double[]? Mirror, bool IsStart, int Epoch);
}
