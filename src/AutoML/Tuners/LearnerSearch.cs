namespace Pipelines.AutoML.Tuners;

/// <summary>
/// What <see cref="EciTuner"/> tracks per learner (FLAML's search state): its CFO instance, cost spent, the best loss
/// and the costs at which the last two improvements were found.
/// </summary>
public sealed class LearnerSearch
{
    internal LearnerSearch(string name, double relativeCost, CfoTuner tuner, SampleSizeSchedule? schedule)
    {
        Name = name;
        RelativeCost = relativeCost;
        Tuner = tuner;
        Schedule = schedule;
    }

    public string Name { get; }

    /// <summary>Estimated cost of one trial at the defaults, relative to the other learners.</summary>
    public double RelativeCost { get; }

    /// <summary>The learner's own local search.</summary>
    public CfoTuner Tuner { get; }

    /// <summary>The learner's sample size, or null when trials use all rows.</summary>
    public SampleSizeSchedule? Schedule { get; }

    /// <summary>Trials reported.</summary>
    public int Trials { get; internal set; }

    /// <summary>K0: seconds spent on this learner.</summary>
    public double TotalCost { get; internal set; }

    /// <summary>ε_l: the best loss (+∞ before a finished trial).</summary>
    public double BestLoss { get; internal set; } = double.PositiveInfinity;

    /// <summary>The best loss before the last improvement (+∞ when there was none).</summary>
    public double PreviousBestLoss { get; internal set; } = double.PositiveInfinity;

    /// <summary>K1: <see cref="TotalCost"/> when <see cref="BestLoss"/> was found.</summary>
    public double CostAtBest { get; internal set; }

    /// <summary>K2: <see cref="TotalCost"/> when the previous best was found (0 when there was none).</summary>
    public double CostAtPreviousBest { get; internal set; }

    /// <summary>Cost of the last reported trial.</summary>
    public double LastCost { get; internal set; }

    internal int ConvergencesSeen { get; set; }

    internal void Record(double loss, double cost)
    {
        Trials++;
        TotalCost += cost;
        LastCost = cost;
        if (!(loss < BestLoss)) return;
        PreviousBestLoss = BestLoss;
        CostAtPreviousBest = CostAtBest;
        BestLoss = loss;
        CostAtBest = TotalCost;
    }

    /// <summary>Forgets losses (they are not comparable after the sample grows); costs stay.</summary>
    internal void ResetLosses()
    {
        BestLoss = PreviousBestLoss = double.PositiveInfinity;
        CostAtBest = CostAtPreviousBest = TotalCost;
    }
}
