using System.Globalization;
using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.Sampling;

/// <summary>
/// How many rows each class should have after resampling, as imbalanced-learn's <c>sampling_strategy</c>.
/// <list type="bullet">
/// <item><see cref="Auto"/>: over-samplers grow every class to the majority count; under-samplers shrink every class to the minority count.</item>
/// <item><see cref="Ratio"/>(r): a minority/majority ratio r in (0, 1]. Over-samplers grow each class to
/// at least ⌊r · n_majority⌋; under-samplers shrink each class to at most ⌊n_minority / r⌋. A class already past
/// the target is left alone (imbalanced-learn only allows a ratio for two classes and errors instead; with
/// several classes leaving them alone is the useful reading).</item>
/// <item><see cref="Counts"/>: the wanted row count per class name; classes not named keep their rows. A count
/// that would move a class the wrong way (fewer rows for an over-sampler) is an error.</item>
/// </list>
/// Only classes with at least one row take part; rows with a missing label are never sampled or removed.
/// </summary>
public abstract record SamplingStrategy
{
    private protected SamplingStrategy() { }

    /// <summary>Balance every class: to the majority count (over-sampling) or the minority count (under-sampling).</summary>
    public static SamplingStrategy Auto { get; } = new AutoStrategy();

    /// <summary>Reach a minority/majority ratio of <paramref name="ratio"/> in (0, 1].</summary>
    public static SamplingStrategy Ratio(double ratio)
    {
        if (!(ratio > 0 && ratio <= 1))
            ThrowHelper.BadOption(nameof(SamplingStrategy), nameof(ratio), ratio, "a minority/majority ratio in (0, 1]");
        return new RatioStrategy(ratio);
    }

    /// <summary>Explicit row counts per class name (classes not named are left as they are).</summary>
    public static SamplingStrategy Counts(IReadOnlyDictionary<string, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        foreach (var (name, count) in counts)
        {
            if (count < 0) ThrowHelper.BadOption(nameof(SamplingStrategy), $"{nameof(counts)}['{name}']", count, "a row count >= 0");
        }
        return new CountsStrategy(new Dictionary<string, int>(counts, StringComparer.Ordinal));
    }

    /// <summary>
    /// The target row count per class code, given the current counts per code (<paramref name="classes"/> names
    /// the codes). Classes with no rows get 0. Throws when the strategy does not fit the data.
    /// </summary>
    public int[] Resolve(string step, ReadOnlySpan<int> counts, IReadOnlyList<string> classes, SamplingDirection direction)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (counts.Length != classes.Count) throw new ArgumentException("One count per class is needed.", nameof(counts));
        int max = 0, min = int.MaxValue;
        foreach (var c in counts)
        {
            if (c == 0) continue;
            max = Math.Max(max, c);
            min = Math.Min(min, c);
        }
        var targets = counts.ToArray();
        if (max == 0) return targets;
        Fill(step, targets, classes, max, min, direction);
        return targets;
    }

    /// <summary>Sets <paramref name="targets"/> (holding the current counts) to the wanted counts.</summary>
    private protected abstract void Fill(string step, int[] targets, IReadOnlyList<string> classes, int max, int min, SamplingDirection direction);

    private sealed record AutoStrategy : SamplingStrategy
    {
        private protected override void Fill(string step, int[] targets, IReadOnlyList<string> classes, int max, int min, SamplingDirection direction)
        {
            var goal = direction == SamplingDirection.Over ? max : min;
            for (var i = 0; i < targets.Length; i++) if (targets[i] > 0) targets[i] = goal;
        }

        public override string ToString() => "auto";
    }

    private sealed record RatioStrategy(double Value) : SamplingStrategy
    {
        private protected override void Fill(string step, int[] targets, IReadOnlyList<string> classes, int max, int min, SamplingDirection direction)
        {
            for (var i = 0; i < targets.Length; i++)
            {
                if (targets[i] == 0) continue;
                targets[i] = direction == SamplingDirection.Over
                    ? Math.Max(targets[i], (int)(Value * max))
                    : Math.Min(targets[i], (int)Math.Min(int.MaxValue, min / Value));
            }
        }

        public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
    }

    private sealed record CountsStrategy(Dictionary<string, int> Wanted) : SamplingStrategy
    {
        private protected override void Fill(string step, int[] targets, IReadOnlyList<string> classes, int max, int min, SamplingDirection direction)
        {
            foreach (var (name, wanted) in Wanted)
            {
                var code = classes.OrdinalIndexOf(name);
                if (code < 0 || targets[code] == 0)
                    throw new DataValueException(
                        $"{step}: the sampling strategy names class '{name}', which has no rows in the label. " +
                        $"Classes present: {string.Join(", ", classes.Where((_, i) => targets[i] > 0).Select(c => $"'{c}'"))}.");
                var current = targets[code];
                if (direction == SamplingDirection.Over ? wanted < current : wanted > current)
                    throw new DataValueException(
                        $"{step}: the sampling strategy asks for {wanted} rows of class '{name}', which has {current}; " +
                        (direction == SamplingDirection.Over
                            ? "an over-sampler only adds rows. Ask for at least that many, or use an under-sampler."
                            : "an under-sampler only removes rows. Ask for at most that many, or use an over-sampler."));
                targets[code] = wanted;
            }
        }

        public override string ToString() => string.Join(", ", Wanted.Select(p => $"{p.Key}: {p.Value}"));
    }
}
