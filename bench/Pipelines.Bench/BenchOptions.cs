using System.Globalization;

namespace Pipelines.Bench;

/// <summary>
/// A bench's arguments: <c>key=value</c> options (the first '=' splits them) and positional numbers. A number that does
/// not parse, or is out of range, is a <see cref="BenchUsageException"/> naming the argument and an example value.
/// </summary>
internal static class BenchOptions
{
    public static Dictionary<string, string> Parse(IEnumerable<string> args) =>
        args.Where(IsOption).ToDictionary(a => a.Split('=', 2)[0], a => a.Split('=', 2)[1], StringComparer.Ordinal);

    /// <summary>The arguments that are not <c>key=value</c> options, in order.</summary>
    public static string[] Positional(IEnumerable<string> args) => [.. args.Where(a => !IsOption(a))];

    private static bool IsOption(string arg) => arg.Contains('=', StringComparison.Ordinal);

    /// <summary>Option <paramref name="name"/> as a whole number of at least <paramref name="least"/>, or <paramref name="fallback"/> when absent.</summary>
    public static int Int(this IReadOnlyDictionary<string, string> options, string name, int fallback, int least = 1) =>
        options.TryGetValue(name, out var text) ? WholeNumber(text, $"{name}={text}", $"{name}=", fallback, least) : fallback;

    /// <summary>Option <paramref name="name"/> as a positive number of seconds, or <paramref name="fallback"/> when absent.</summary>
    public static TimeSpan Seconds(this IReadOnlyDictionary<string, string> options, string name, double fallback) =>
        options.TryGetValue(name, out var text) ? PositiveSeconds(text, $"{name}={text}", $"{name}=", fallback) : TimeSpan.FromSeconds(fallback);

    /// <summary>Positional argument <paramref name="index"/> (called <paramref name="name"/> in messages) as a whole number, or <paramref name="fallback"/> when absent.</summary>
    public static int Int(IReadOnlyList<string> args, int index, string name, int fallback, int least = 1) =>
        index < args.Count ? WholeNumber(args[index], $"{name} '{args[index]}'", "", fallback, least) : fallback;

    /// <summary>Positional argument <paramref name="index"/> as a positive number of seconds, or <paramref name="fallback"/> when absent.</summary>
    public static TimeSpan Seconds(IReadOnlyList<string> args, int index, string name, double fallback) =>
        index < args.Count ? PositiveSeconds(args[index], $"{name} '{args[index]}'", "", fallback) : TimeSpan.FromSeconds(fallback);

    private static int WholeNumber(string text, string given, string prefix, int fallback, int least)
    {
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= least) return value;
        throw new BenchUsageException($"{given}: give a whole number of at least {least}, e.g. {prefix}{Math.Max(fallback, least)}");
    }

    private static TimeSpan PositiveSeconds(string text, string given, string prefix, double fallback)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value)) return TimeSpan.FromSeconds(value);
        throw new BenchUsageException($"{given}: give a positive number of seconds, e.g. {prefix}{fallback.ToString(CultureInfo.InvariantCulture)}");
    }
}
