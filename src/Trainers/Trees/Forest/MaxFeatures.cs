namespace Pipelines.Trainers.Trees.Forest;

/// <summary>How a <see cref="MaxFeatures"/> rule counts features.</summary>
public enum MaxFeaturesRule
{
    /// <summary>max(1, floor(sqrt(p))) of p features.</summary>
    Sqrt,
    /// <summary>max(1, floor(log2(p))).</summary>
    Log2,
    /// <summary>max(1, floor(fraction * p)).</summary>
    Fraction,
    /// <summary>A fixed number, at most p.</summary>
    Count,
}

/// <summary>
/// How many features a forest node considers (scikit-learn's max_features): <see cref="Sqrt"/>, <see cref="Log2"/>,
/// <see cref="All"/>, a <see cref="OfFraction"/> or a <see cref="OfCount"/>. A node visits features in random order until this
/// many have been visited and at least one varies in the node.
/// </summary>
public sealed record MaxFeatures
{
    private MaxFeatures(MaxFeaturesRule rule, double value)
    {
        Rule = rule;
        Value = value;
    }

    public MaxFeaturesRule Rule { get; }

    /// <summary>The fraction or count; 0 for <see cref="MaxFeaturesRule.Sqrt"/> and <see cref="MaxFeaturesRule.Log2"/>.</summary>
    public double Value { get; }

    /// <summary>floor(sqrt(p)): the classification default.</summary>
    public static MaxFeatures Sqrt { get; } = new(MaxFeaturesRule.Sqrt, 0);

    /// <summary>floor(log2(p)).</summary>
    public static MaxFeatures Log2 { get; } = new(MaxFeaturesRule.Log2, 0);

    /// <summary>Every feature: the regression default.</summary>
    public static MaxFeatures All { get; } = new(MaxFeaturesRule.Fraction, 1);

    /// <summary>A fraction in (0, 1] of the features.</summary>
    public static MaxFeatures OfFraction(double fraction)
    {
        if (fraction is not (> 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "MaxFeatures fraction must be in (0, 1].");
        return new(MaxFeaturesRule.Fraction, fraction);
    }

    /// <summary>A fixed number (at least 1) of features.</summary>
    public static MaxFeatures OfCount(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return new(MaxFeaturesRule.Count, count);
    }

    /// <summary>The number of features out of <paramref name="features"/>, between 1 and <paramref name="features"/>.</summary>
    public int Resolve(int features)
    {
        var n = Rule switch
        {
            MaxFeaturesRule.Sqrt => (int)Math.Floor(Math.Sqrt(features)),
            MaxFeaturesRule.Log2 => (int)Math.Floor(Math.Log2(Math.Max(features, 1))),
            MaxFeaturesRule.Fraction => (int)Math.Floor(Value * features),
            _ => (int)Value,
        };
        return Math.Clamp(n, 1, Math.Max(features, 1));
    }
}
