using Pipelines.AutoML.SearchSpace;

namespace Pipelines.AutoML.Tuners;

/// <summary>
/// Tree-structured Parzen estimator (Bergstra, Bardenet, Bengio, Kégl, "Algorithms for Hyper-Parameter Optimization",
/// NeurIPS 2011), chosen over a random-forest surrogate for its simplicity. The first trial is the space's defaults and
/// the next <c>startupTrials</c> − 1 are uniform random. After that, the n finished trials are sorted by loss and split
/// at the γ quantile: the ⌈γn⌉ best form l(x), the rest g(x), each a product over coordinates of
/// <see cref="ParzenEstimator"/> densities (discrete coordinates with at most 64 levels use level counts). Of
/// <c>candidates</c> draws from l, the one maximizing Σ_d log l_d(x_d) − log g_d(x_d), i.e. l(x)/g(x), which ranks as
/// expected improvement does, is proposed. Failed trials count as the worst. Coordinates inactive under a choice are
/// modelled like the others (their values do not change the loss, so they stay near uniform).
/// </summary>
public sealed class TpeTuner : ITuner
{
    private const int MaxDiscreteLevels = 64;
    private readonly ParameterSpace _space;
    private readonly Random _random;
    private readonly int _startup;
    private readonly double _gamma;
    private readonly int _candidates;
    private readonly double _priorWeight;
    private readonly List<(double[] Point, double Loss)> _history = [];
    private readonly Dictionary<int, double[]> _outstanding = [];
    private int _next;

    /// <param name="space">The space to search.</param>
    /// <param name="seed">Seeds all draws.</param>
    /// <param name="startupTrials">Trials before the model is used (the first is the defaults); at least 2.</param>
    /// <param name="gamma">Share of trials in the good group, in (0, 1).</param>
    /// <param name="candidates">Draws from l(x) scored per proposal.</param>
    /// <param name="priorWeight">Weight of the prior component of each Parzen estimator.</param>
    public TpeTuner(ParameterSpace space, int seed = 0, int startupTrials = 10, double gamma = 0.25, int candidates = 24, double priorWeight = 1.0)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentOutOfRangeException.ThrowIfLessThan(startupTrials, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(candidates, 1);
        if (!(gamma > 0 && gamma < 1)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "gamma must be in (0, 1).");
        if (!(priorWeight > 0)) throw new ArgumentOutOfRangeException(nameof(priorWeight), priorWeight, "The prior weight must be > 0.");
        _space = space;
        _random = new Random(seed);
        _startup = startupTrials;
        _gamma = gamma;
        _candidates = candidates;
        _priorWeight = priorWeight;
    }

    public bool IsDone => false;

    public Trial Propose()
    {
        var point = _next == 0 ? _space.DefaultPoint()
            : _history.Count < _startup ? UnitSphere.UniformPoint(_random, _space.Dimension)
            : FromModel();
        var trial = new Trial(_next++, point, _space.Decode(point));
        _outstanding[trial.Id] = point;
        return trial;
    }

    public void Report(Trial trial, double loss, double cost, bool failed)
    {
        ArgumentNullException.ThrowIfNull(trial);
        TrialRecord.CheckCost(cost);
        if (!_outstanding.Remove(trial.Id, out var point)) throw TrialRecord.Unknown(nameof(TpeTuner), trial);
        _history.Add((point, TrialRecord.EffectiveLoss(loss, failed)));
    }

    private double[] FromModel()
    {
        // Stable order: by loss, then by report order, so ties do not depend on the sort algorithm.
        var sorted = _history.Select((h, i) => (h.Point, h.Loss, i)).OrderBy(h => h.Loss).ThenBy(h => h.i).ToArray();
        var good = (int)Math.Ceiling(_gamma * sorted.Length);
        var dims = _space.Dimensions;
        var l = new ParzenEstimator[dims.Count];
        var g = new ParzenEstimator[dims.Count];
        for (var d = 0; d < dims.Count; d++)
        {
            var scale = dims[d].Scale;
            int? levels = scale.Levels is int n && n <= MaxDiscreteLevels ? n : null;
            var column = sorted.Select(h => h.Point[d]).ToArray();
            l[d] = new ParzenEstimator(column[..good], levels, scale.LevelOf, _priorWeight);
            g[d] = new ParzenEstimator(column[good..], levels, scale.LevelOf, _priorWeight);
        }
        double[]? best = null;
        var bestScore = double.NegativeInfinity;
        for (var c = 0; c < _candidates; c++)
        {
            var point = new double[dims.Count];
            var score = 0.0;
            for (var d = 0; d < dims.Count; d++)
            {
                var draw = l[d].Sample(_random);
                score += l[d].LogDensity(draw) - g[d].LogDensity(draw);
                point[d] = dims[d].Scale.Levels is int n && n <= MaxDiscreteLevels ? dims[d].Scale.UnitOf((int)draw) : draw;
            }
            if (score > bestScore)
            {
                bestScore = score;
                best = point;
            }
        }
        return best!;
    }
}
