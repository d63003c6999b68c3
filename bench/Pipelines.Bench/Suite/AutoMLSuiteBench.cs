using System.Diagnostics;

namespace Pipelines.Bench.Suite;

/// <summary>
/// The benchmark suite of the quality issue: the data sets that bench/suite/setup-data.sh exports from Debian's R
/// packages, three seeded stratified 75/25 splits each (the same for every tool), and on each split, one after the
/// other on the same cores, our <see cref="AutoML.Experiments.Experiment"/> with the time budget, the Python peers at
/// their defaults, Optuna-tuned XGBoost with the same budget, and ML.NET's trainers at their defaults. Every outcome is
/// appended to a results file as it ends (bench/results/, one JSON line each), and the tables of
/// <see cref="SuiteReport"/> are printed at the end, with earlier results files merged in on request.
/// </summary>
public sealed class AutoMLSuiteBench : IBench
{
    internal const int FirstSplitSeed = 42;
    private const int Threads = 2;

    public string Name => "automl-suite";

    public string Description =>
        "AutoML quality suite: ours vs HGB/XGBoost/RF/linear defaults and Optuna-XGBoost on 29 R data sets x 3 splits; "
        + "[quick] [budget=30] [trials=N] [metric=judged|default] [ours=experiment|command cli=FILE] [splits=3] [first=42] [sets=a,b] [tools=ours,hgb,...] [with=FILE,...] [out=FILE] [data=DIR] | report FILE...";

    public int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "report")
        {
            Console.WriteLine(SuiteReport.Render([.. args[1..].SelectMany(SuiteOutcome.ReadAll)], ToolOrder(TimeSpan.FromSeconds(30))));
            return 0;
        }
        var options = BenchOptions.Parse(args);
        var quick = args.Contains("quick");
        var budget = options.Seconds("budget", 30);
        var splits = options.Int("splits", quick ? 1 : 3);
        // Later seeds add splits to an earlier run's without repeating its own (first=45 after the default three).
        var first = options.Int("first", FirstSplitSeed, least: 0);
        var folder = options.GetValueOrDefault("data", Path.Combine(BenchPaths.Root, SuiteSet.DefaultFolder));
        var all = SuiteSet.ReadManifest(folder);
        var wanted = options.TryGetValue("sets", out var names) ? names.Split(',') : quick ? SuiteSet.Quick : null;
        var sets = wanted is null ? all : SuiteSet.Named(all, wanted, folder);
        int? trials = options.ContainsKey("trials") ? options.Int("trials", 40) : null;
        // Ours is told the metric the suite judges first, as Optuna is; metric=default lets it pick its own, as a user who names none.
        var judged = options.GetValueOrDefault("metric", "judged") switch
        {
            "judged" => true,
            "default" => false,
            var other => throw new BenchUsageException($"metric={other}: use metric=judged (ours is told the suite's primary metric, as Optuna is) or metric=default (ours picks its own)"),
        };
        // ours=command runs the CLI in a fresh process per split, as a user does, instead of the experiment in this one.
        var command = options.GetValueOrDefault("ours", "experiment") switch
        {
            "experiment" => null,
            "command" => options.TryGetValue("cli", out var cli) ? Path.GetFullPath(cli)
                : throw new BenchUsageException("ours=command needs cli=FILE: a Pipelines.Cli.dll (dotnet build src/Cli/Cli.csproj -c Release -o DIR)"),
            var other => throw new BenchUsageException($"ours={other}: use ours=experiment (the default) or ours=command cli=FILE"),
        };
        var contenders = Contenders(budget, trials, judged, command);
        var toolNames = options.TryGetValue("tools", out var chosen) ? chosen.Split(',') : [.. contenders.SelectMany(c => c.Tools)];
        foreach (var unknown in toolNames.Where(t => !contenders.Any(c => c.Tools.Contains(t)))) throw new BenchUsageException($"unknown tool '{unknown}': use tools= with some of {string.Join(",", contenders.SelectMany(c => c.Tools))}");
        var earlier = options.TryGetValue("with", out var files) ? files.Split(',').SelectMany(SuiteOutcome.ReadAll).ToList() : [];
        var output = options.GetValueOrDefault("out", Path.Combine(BenchPaths.Root, "bench", "results", $"automl-suite-{DateTime.UtcNow:yyyyMMdd-HHmmss}.jsonl"));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        var build = BuildId();

        Console.WriteLine($"automl-suite {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, build {build}, {sets.Count} sets x {splits} split(s) (seeds {first}..{first + splits - 1}), budget {budget.TotalSeconds:0} s{(trials is null ? "" : $" (ours: {trials} trials, reproducible, no budget)")}, ours {(command is null ? "" : $"through the command ({command}), ")}{(judged ? "told the primary metric" : "on its own metric")}, tools {string.Join(", ", toolNames)}");
        Console.WriteLine($"machine: {Machine()}; load average at start {LoadAverage()}");
        Console.WriteLine($"results: {output}");
        var outcomes = new List<SuiteOutcome>();
        var clock = Stopwatch.StartNew();
        foreach (var set in sets)
        {
            for (var split = first; split < first + splits; split++)
            {
                var suiteCase = SuiteCase.Read(set, split);
                Console.WriteLine($"\n{set.Name} split {split}: {suiteCase.Data.Train.RowCount} train / {suiteCase.Data.Test.RowCount} test rows, {set.Columns} columns ({suiteCase.Categorical.Count} categorical, {suiteCase.Data.TextColumns.Count} text), {suiteCase.Task}; load {LoadAverage()}; {clock.Elapsed:hh\\:mm\\:ss}");
                foreach (var contender in contenders)
                {
                    var tools = contender.Tools.Where(toolNames.Contains).ToArray();
                    if (tools.Length == 0) continue;
                    if (contender.Unavailable is { } why)
                    {
                        Console.WriteLine($"  skipped {string.Join(", ", tools)}: {why}");
                        continue;
                    }
                    foreach (var outcome in contender.Run(suiteCase, tools, build))
                    {
                        outcomes.Add(outcome);
                        File.AppendAllLines(output, [outcome.ToJsonLine()]);
                        Console.WriteLine($"  {Describe(outcome)}");
                    }
                }
            }
        }
        var python = contenders.OfType<PythonPeers>().FirstOrDefault()?.Environment;
        Console.WriteLine($"\ndone in {clock.Elapsed:hh\\:mm\\:ss}; load average at end {LoadAverage()}{(python is null ? "" : $"; Python peers: {python}")}\n");
        Console.WriteLine(SuiteReport.Render([.. earlier, .. outcomes], ToolOrder(budget)));
        return 0;
    }

    private static IReadOnlyList<ISuiteContender> Contenders(TimeSpan budget, int? trials = null, bool judged = true, string? command = null) =>
        [command is null ? new OursContender(budget, trials, judged) : new CommandContender(command, budget, trials, judged), new PythonPeers(budget, Threads), new MLNetPeers()];

    private static IReadOnlyList<string> ToolOrder(TimeSpan budget) => [.. Contenders(budget).SelectMany(c => c.Tools)];

    private static string Describe(SuiteOutcome o)
    {
        if (o.Error is not null) return $"{o.Tool,-8} FAILED after {o.FitSeconds:F1} s: {o.Error}";
        var metrics = string.Join(", ", o.Metrics.Select(m => $"{m.Key} {m.Value:F4}"));
        return $"{o.Tool,-8} {metrics}; fit {o.FitSeconds:F1} s{(o.Detail is null ? "" : $"; {o.Detail}")}";
    }

    /// <summary>The commit of ours that runs, with "+changes" when src/ differs from it.</summary>
    internal static string BuildId()
    {
        static string Git(string arguments)
        {
            var info = new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = BenchPaths.Root };
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return output;
        }
        var commit = Git("rev-parse --short HEAD");
        return Git("status --porcelain -- src") is { Length: > 0 } ? commit + "+changes" : commit;
    }

    internal static string Machine()
    {
        var model = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() : null;
        var flags = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal)) ?? "" : "";
        var simd = flags.Contains(" avx512f", StringComparison.Ordinal) ? "AVX-512" : flags.Contains(" avx2", StringComparison.Ordinal) ? "AVX2" : "no AVX2";
        return $"{model ?? "unknown CPU"} ({simd}), {Environment.ProcessorCount} cores";
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
