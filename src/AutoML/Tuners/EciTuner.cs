using Pipelines.AutoML.SearchSpace;

namespace Pipelines.AutoML.Tuners;

/// <summary>
/// FLAML's learner selection by estimated cost for improvement (Wang, Wu, Weimer, Zhu, "FLAML: A Fast and Lightweight
/// AutoML Library", MLSys 2021): one <see cref="CfoTuner"/> per option of the top-level learner choice (each over the
/// space pinned to that learner), and each proposal goes to the learner with the smallest ECI (ties: the earlier learner).
/// For learner l with K0 = cost spent on l, K1 = cost spent when its best loss ε_l was found, K2 = cost spent when the
/// best before that was found (0 if none), ε_l' that previous best, and ε* the best loss over all learners:
/// <list type="bullet">
/// <item>Learners not tried yet (and with no trial in flight) are proposed before any other, in this order.</item>
/// <item>not tried yet: ECI = c_l · u, where c_l is l's relative cost at its defaults and u the cost per unit of
/// relative cost observed on the first finished trial (1 before any).</item>
/// <item>ECI₁ = max(K0 − K1, K1 − K2): how long l took to improve last time, or has been waiting since.</item>
/// <item>if ε_l = ε*: ECI = ECI₁. Otherwise l must close the gap ε_l − ε*; with its improvement speed
/// s = (ε_l' − ε_l) / (K0 − K2) (ε_l' taken as 2ε_l, i.e. a drop of |ε_l|, after the first improvement), ECI = max(ECI₁, 2(ε_l − ε*) / s);
/// with no improvement at all (s = 0 or ε_l = +∞) ECI = max(ECI₁, K0) · 2.</item>
/// <item>With sample-size growth: while l's sample is not full, ECI ≤ the cost of its best trial × the growth factor
/// (a trial on the next, bigger sample), as FLAML does.</item>
/// </list>
/// When a learner's CFO converges and its sample is not full, the sample grows ×4 and its search restarts at its best
/// point (losses on different samples are not compared).
/// </summary>
public sealed class EciTuner : ITuner
{
    private readonly LearnerSearch[] _learners;
    private readonly Dictionary<int, (LearnerSearch Learner, Trial Inner)> _outstanding = [];
    private double? _unitCost;
    private int _next;

    /// <param name="space">The full space; <paramref name="learnerParameter"/> must be a top-level choice among strings.</param>
    /// <param name="relativeCosts">Relative cost per learner at its defaults (missing: 1).</param>
    /// <param name="seed">Seeds each learner's CFO (seed + learner index).</param>
    /// <param name="learnerParameter">The name of the learner choice.</param>
    /// <param name="totalRows">With a value, each learner gets a <see cref="SampleSizeSchedule"/> over this many rows.</param>
    /// <param name="initialSampleSize">The first sample size when <paramref name="totalRows"/> is given.</param>
    /// <param name="pointsToEvaluate">Per learner, parameters its CFO evaluates right after its start (e.g. its library defaults).</param>
    /// <param name="startPoints">Per learner, the parameters its CFO starts at instead of the space's low-cost defaults
    /// (e.g. its library defaults, where they are affordable); <paramref name="relativeCosts"/> should then be their costs.</param>
    public EciTuner(ParameterSpace space, IReadOnlyDictionary<string, double>? relativeCosts = null, int seed = 0,
        string learnerParameter = "learner", int? totalRows = null, int initialSampleSize = 10_000,
        IReadOnlyDictionary<string, Parameters>? pointsToEvaluate = null, IReadOnlyDictionary<string, Parameters>? startPoints = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (space[learnerParameter] is not Choice choice || choice.Options.Any(o => o.Value is not string))
            throw new SearchSpaceException($"ECI needs '{learnerParameter}' to be a top-level choice among learner names.");
        LearnerParameter = learnerParameter;
        _learners = [.. choice.Options.Select((option, i) =>
        {
            var name = (string)option.Value;
            var cost = relativeCosts is not null && relativeCosts.TryGetValue(name, out var c) ? c : 1.0;
            if (!(cost > 0) || double.IsInfinity(cost)) throw new ArgumentOutOfRangeException(nameof(relativeCosts), cost, $"Relative cost of '{name}' must be finite and > 0.");
            var schedule = totalRows is int n ? new SampleSizeSchedule(n, initialSampleSize) : null;
            Parameters[] given = pointsToEvaluate is not null && pointsToEvaluate.TryGetValue(name, out var point) ? [point] : [];
            var pinned = space.Pin(learnerParameter, name);
            double[]? start = startPoints is not null && startPoints.TryGetValue(name, out var first) ? pinned.Encode(first) : null;
            return new LearnerSearch(name, cost, new CfoTuner(pinned, seed + i, start, pointsToEvaluate: given), schedule);
        })];
    }

    /// <summary>The name of the learner choice.</summary>
    public string LearnerParameter { get; }

    /// <summary>Per-learner state, in option order.</summary>
    public IReadOnlyList<LearnerSearch> Learners => _learners;

    /// <summary>ε*: the best loss over all learners.</summary>
    public double BestLoss => _learners.Min(l => l.BestLoss);

    public bool IsDone => false;

    /// <summary>The ECI of <paramref name="learner"/> now (formula above).</summary>
    public double EstimatedCostForImprovement(LearnerSearch learner)
    {
        ArgumentNullException.ThrowIfNull(learner);
        if (learner.Trials == 0) return learner.RelativeCost * (_unitCost ?? 1.0);
        var eci = Math.Max(learner.TotalCost - learner.CostAtBest, learner.CostAtBest - learner.CostAtPreviousBest);
        var best = BestLoss;
        if (learner.BestLoss > best)
        {
            var previous = double.IsPositiveInfinity(learner.PreviousBestLoss) ? learner.BestLoss + Math.Abs(learner.BestLoss) : learner.PreviousBestLoss;
            var elapsed = learner.TotalCost - learner.CostAtPreviousBest;
            var speed = double.IsFinite(learner.BestLoss) && elapsed > 0 ? (previous - learner.BestLoss) / elapsed : 0;
            eci = speed > 0 ? Math.Max(eci, 2 * (learner.BestLoss - best) / speed) : 2 * Math.Max(eci, learner.TotalCost);
        }
        if (learner.Schedule is { IsFull: false } schedule)
            eci = Math.Min(eci, Math.Max(learner.LastCost, 1e-12) * schedule.Factor);
        return Math.Max(eci, 1e-12);
    }

    public Trial Propose()
    {
        var chosen = _learners[0];
        var lowest = double.PositiveInfinity;
        // Every learner's first trial comes before any learner is chosen by ECI (cheapest first), so an expensive
        // learner is not starved by a cheap one's small improvements: its first model may be the best of all.
        var untried = _learners.Where(l => l.Trials == 0 && !_outstanding.Values.Any(o => o.Learner == l)).ToArray();
        foreach (var learner in untried.Length > 0 ? untried : _learners)
        {
            var eci = EstimatedCostForImprovement(learner);
            if (eci < lowest) (chosen, lowest) = (learner, eci);
        }
        var inner = chosen.Tuner.Propose();
        var trial = new Trial(_next++, inner.Point, inner.Parameters) { Learner = chosen.Name, SampleSize = chosen.Schedule?.Current };
        _outstanding[trial.Id] = (chosen, inner);
        return trial;
    }

    public void Report(Trial trial, double loss, double cost, bool failed)
    {
        ArgumentNullException.ThrowIfNull(trial);
        TrialRecord.CheckCost(cost);
        if (!_outstanding.Remove(trial.Id, out var entry)) throw TrialRecord.Unknown(nameof(EciTuner), trial);
        var (learner, inner) = entry;
        learner.Tuner.Report(inner, loss, cost, failed);
        learner.Record(TrialRecord.EffectiveLoss(loss, failed), cost);
        _unitCost ??= cost > 0 ? cost / learner.RelativeCost : null;
        if (learner.Tuner.Convergences > learner.ConvergencesSeen)
        {
            learner.ConvergencesSeen = learner.Tuner.Convergences;
            if (learner.Schedule?.Grow() == true && learner.Tuner.BestTrial is { } best)
            {
                learner.Tuner.RestartAt(best.Point);
                learner.ResetLosses();
            }
        }
    }
}
