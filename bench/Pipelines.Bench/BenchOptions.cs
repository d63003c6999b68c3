using System.Globalization;

namespace Pipelines.Bench;

/// <summary>The <c>key=value</c> arguments of a bench (the first '=' splits them; other arguments are not options).</summary>
internal static class BenchOptions
{
    public static Dictionary<string, string> Parse(IEnumerable<string> args) =>
        args.Where(a => a.Contains('=', StringComparison.Ordinal)).ToDictionary(a => a.Split('=', 2)[0], a => a.Split('=', 2)[1], StringComparer.Ordinal);

    /// <summary>Option <paramref name="name"/> as a whole number of at least <paramref name="least"/>, or <paramref name="fallback"/> when absent.</summary>
    public static int Int(this IReadOnlyDictionary<string, string> options, string name, int fallback, int least = 1)
    {
        if (!options.TryGetValue(name, out var text)) return fallback;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= least) return value;
        throw new BenchUsageException($"{name}={text}: give a whole number of at least {least}, e.g. {name}={Math.Max(fallback, least)}");
    }

    /// <summary>Option <paramref name="name"/> as a positive number of seconds, or <paramref name="fallback"/> when absent.</summary>
    public static TimeSpan Seconds(this IReadOnlyDictionary<string, string> options, string name, double fallback)
    {
        if (!options.TryGetValue(name, out var text)) return TimeSpan.FromSeconds(fallback);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value)) return TimeSpan.FromSeconds(value);
        throw new BenchUsageException($"{name}={text}: give a positive number of seconds, e.g. {name}={fallback.ToString(CultureInfo.InvariantCulture)}");
    }
}
