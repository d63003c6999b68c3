using System.CommandLine;
using System.Globalization;
using Pipelines.AutoML.Store;
using Pipelines.AutoML.Sweeps.Workers;
using Pipelines.Cli.Output;
using Pipelines.Errors;

namespace Pipelines.Cli.Commands;

/// <summary>
/// `pipelines sweep create SPACE.json --data FILE --label L --storage STORE --study NAME [--tuner ...] [--trials N]
/// [--grace S] [--max-attempts N]`: stores a study for workers (its space, data path and fingerprint, tuner, budget)
/// and queues the whole plan of a grid or random search; workers then need only the store and the study's name.
/// </summary>
internal static class SweepCreateCommand
{
    public static Command Create(Terminal terminal)
    {
        var options = new SweepOptions();
        var grace = new Option<double>("--grace")
        {
            Description = "Seconds a running trial may go without its worker's heartbeat before another worker takes it over.",
            DefaultValueFactory = _ => 60,
        };
        var attempts = new Option<int>("--max-attempts") { Description = "Claims a trial gets before it is marked failed instead of taken over.", DefaultValueFactory = _ => 3 };
        var command = new Command("create", "Create a study for workers in a shared trial store (the data file is read at its path by every worker: use a path all hosts see).")
        {
            grace, attempts,
        };
        foreach (var symbol in options.Search) SweepCommand.Add(command, symbol);
        command.SetAction(parse =>
        {
            var seconds = parse.GetValue(grace);
            if (!(seconds > 0)) throw new PipelineException($"--grace must be a positive number of seconds, not {seconds.ToString(CultureInfo.InvariantCulture)}.");
            if (parse.GetValue(attempts) < 1) throw new PipelineException("--max-attempts must be at least 1.");
            var storage = parse.GetRequiredValue(options.Storage);
            var name = parse.GetRequiredValue(options.Study);
            var spaceText = options.SpaceText(parse);
            using var store = TrialStores.OpenShared(storage);
            var created = SweepStudies.Create(store, name, new SweepStudyOptions
            {
                SpaceJson = spaceText,
                Learner = parse.GetValue(options.Learner),
                DataPath = parse.GetRequiredValue(options.Data).FullName,
                Label = parse.GetRequiredValue(options.Label),
                Metric = options.MetricOf(parse),
                Task = TaskOption.Value(parse, options.Task),
                Ignore = IgnoreOption.Value(parse, options.Ignore),
                Sheet = parse.GetValue(options.Sheet),
                Folds = parse.GetValue(options.Folds),
                Seed = parse.GetValue(options.Seed),
                Tuner = options.TunerOf(parse),
                GridPoints = parse.GetValue(options.GridPoints),
                Trials = parse.GetValue(options.Trials),
                Grace = TimeSpan.FromSeconds(seconds),
                MaxAttempts = parse.GetValue(attempts),
            });
            var output = terminal.Console.Profile.Out.Writer;
            var what = created.Definition.ToString();
            output.WriteLine(created.Created
                ? $"Created study '{name}' in {store}: {what}; {created.Trials} trial(s) queued{(created.Trials == 0 ? " (proposed by the workers as they go)" : "")}."
                : $"Study '{name}' already exists in {store} with these settings ({created.Trials} trial(s) so far); nothing changed.");
            output.WriteLine($"Start workers with: pipelines sweep worker --storage {store} --study {name}");
            return CliApp.Ok;
        });
        return command;
    }
}
