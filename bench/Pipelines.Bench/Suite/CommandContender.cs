using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Pipelines.Export.Serving;

namespace Pipelines.Bench.Suite;

/// <summary>
/// Ours as a user runs it (<c>ours=command cli=PATH</c>): <c>pipelines automl train.csv --time T</c> in a fresh process,
/// with the job's own choices (a held-out test figure where the rows allow one and the refit on every row after it;
/// export, checks, student and report inside the budget), then the test part scored by the model.onnx it wrote, read
/// as <c>pipelines predict</c> reads a file.
/// It produces the tool "ours", so every report and <c>compare_ours.py</c> read it as they read the in-process
/// <see cref="OursContender"/>; its detail says it ran the command. Its seconds are the whole command's wall clock.
/// </summary>
internal sealed class CommandContender(string cli, TimeSpan budget, int? trials = null, bool judged = true) : ISuiteContender
{
    public IReadOnlyList<string> Tools => [OursContender.Tool];

    public string? Unavailable => File.Exists(cli)
        ? null
        : $"no CLI at {cli}: build one with 'dotnet build src/Cli/Cli.csproj -c Release -o DIR' and pass cli=DIR/Pipelines.Cli.dll";

    public IEnumerable<SuiteOutcome> Run(SuiteCase suiteCase, IReadOnlyList<string> tools, string build)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            return suiteCase.WithCsvFiles("suite-command-", (train, test) =>
            {
                var output = Path.Combine(Path.GetDirectoryName(train)!, "out");
                clock.Restart();
                var (exit, log, error) = PeerProcess.RunProgram("dotnet", Arguments(suiteCase, train, output));
                var seconds = clock.Elapsed.TotalSeconds;
                if (exit != 0) throw new InvalidOperationException($"the command exited with {exit}: {Tail(log + error)}");
                using var scorer = OnnxScorer.Open(Path.Combine(output, "model.onnx"));
                var rows = ModelInputCsv.Read(test, scorer.Inputs, suiteCase.Set.Label);
                var metrics = OursContender.Scores(suiteCase, scorer.Predict(rows));
                SuiteOutcome[] outcome = [SuiteOutcome.Scored(OursContender.Tool, suiteCase, metrics, seconds, Detail(output), build)];
                return outcome;
            });
        }
#pragma warning disable CA1031 // a failure of the tool under test is a result of the suite
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return [SuiteOutcome.Failed(OursContender.Tool, suiteCase, clock.Elapsed.TotalSeconds, $"{ex.GetType().Name}: {ex.Message}", build)];
        }
    }

    /// <summary>The command line: the set's label and task as a user says them, the suite's metric when judged, the budget or a trial count.</summary>
    private List<string> Arguments(SuiteCase suiteCase, string train, string output)
    {
        List<string> arguments = [cli, "automl", train, "--label", suiteCase.Set.Label, "--task", suiteCase.Task, "-o", output, "--mlnet-model", "none", "--seed", "0",
            "--time", budget.TotalSeconds.ToString(CultureInfo.InvariantCulture)];
        if (trials is int n) arguments.AddRange(["--trials", n.ToString(CultureInfo.InvariantCulture)]);
        if (judged) arguments.AddRange(["--metric", suiteCase.IsClassification ? "macro-f1" : "r2"]);
        return arguments;
    }

    private static string Tail(string log) => string.Join(" | ", log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(3));

    /// <summary>What the job reports of its search and where its time went (metrics.json), for reading a result.</summary>
    private static string Detail(string output)
    {
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "metrics.json")))!;
        var search = metrics["search"]!;
        var ensemble = search["ensemble"] is { } e && e["used"]!.GetValue<bool>()
            ? $"{(e["of_library_defaults"]!.GetValue<bool>() ? "library-defaults blend" : "ensemble")} of {e["members"]!.AsArray().Count}, best {search["best_learner"]}"
            : $"{search["best_learner"]}";
        var aside = search["set_aside"]?.AsArray() is { Count: > 0 } setAside ? $"; set aside: {string.Join("; ", setAside)}" : "";
        var refit = metrics["evaluation"]!["refit_note"] is { } note ? $"; {note}" : "";
        return FormattableString.Invariant(
            $"command: {search["trials"]} trials, {ensemble}; search {search["elapsed_seconds"]!.GetValue<double>():0.0} s of the job's {metrics["elapsed_seconds"]!.GetValue<double>():0.0} s{aside}{refit}");
    }
}
