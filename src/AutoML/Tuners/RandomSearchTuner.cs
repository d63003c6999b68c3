using Pipelines.AutoML.SearchSpace;

namespace Pipelines.AutoML.Tuners;

/// <summary>Uniform random points of the unit cube, seeded; reports are ignored. Never done.</summary>
public sealed class RandomSearchTuner(ParameterSpace space, int seed = 0) : ITuner
{
    private readonly ParameterSpace _space = space ?? throw new ArgumentNullException(nameof(space));
    private readonly Random _random = new(seed);
    private int _next;

    public bool IsDone => false;

    public Trial Propose()
    {
        var point = UnitSphere.UniformPoint(_random, _space.Dimension);
        return new Trial(_next++, point, _space.Decode(point));
    }

    public void Report(Trial trial, double loss, double cost, bool failed)
    {
        ArgumentNullException.ThrowIfNull(trial);
        TrialRecord.CheckCost(cost);
    }
}
