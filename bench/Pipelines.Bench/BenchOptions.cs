namespace Pipelines.Bench;

/// <summary>The <c>key=value</c> arguments of a bench (the first '=' splits them; other arguments are not options).</summary>
internal static class BenchOptions
{
    public static Dictionary<string, string> Parse(IEnumerable<string> args) =>
        args.Where(a => a.Contains('=', StringComparison.Ordinal)).ToDictionary(a => a.Split('=', 2)[0], a => a.Split('=', 2)[1], StringComparer.Ordinal);
}
