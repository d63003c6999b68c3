namespace Pipelines.AutoML.SearchSpace;

/// <summary>
/// How one coordinate of the unit cube maps to a parameter's values. Continuous scales have no levels; discrete
/// ones (integers, choices) cut [0, 1] into <see cref="Levels"/> consecutive buckets, one per value.
/// </summary>
public interface IUnitScale
{
    /// <summary>The number of distinct values, or null for a continuous scale.</summary>
    int? Levels { get; }

    /// <summary>The bucket (0-based) a unit coordinate falls in; the coordinate is clamped to [0, 1] first.</summary>
    int LevelOf(double unit);

    /// <summary>The unit coordinate at the middle of bucket <paramref name="level"/>, the canonical encoding of that value.</summary>
    double UnitOf(int level);
}
