using System.CommandLine;
using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.SearchSpace;
using Pipelines.Errors;
using Pipelines.Evaluation;

namespace Pipelines.Cli.Commands;

/// <summary>
/// The options the sweep commands share: where the study is (<c>--storage</c>, <c>--study</c>) and what it searches
/// (the space file, data and its sheet, label, tuner, budget, metric, columns ignored, folds, seed, grid points), for the in-process sweep and
/// <c>sweep create</c> alike.
/// </summary>
internal sealed class SweepOptions
{
    private static readonly Dictionary<string, TunerKind> Tuners = new(StringComparer.OrdinalIgnoreCase)
    {
        ["grid"] = TunerKind.Grid, ["random"] = TunerKind.Random, ["cfo"] = TunerKind.Cfo, ["bayes"] = TunerKind.Bayes, ["eci"] = TunerKind.Eci,
    };

    public Option<string> Storage { get; } = StorageOption();
    public Option<string> Study { get; } = StudyOption();
    public Argument<FileInfo> Space { get; } = new("space") { Description = "The search space (JSON): a learner's hyperparameters, or a full space with a \"learner\" choice." };
    public Option<FileInfo> Data { get; } = new("--data", "-d") { Description = "CSV or TSV file, or Excel workbook, to learn from.", Required = true };
    public Option<string> Label { get; } = new("--label", "-l") { Description = "The column to predict.", Required = true };
    public Option<string> Tuner { get; } = new("--tuner") { Description = "grid, random, cfo, bayes (TPE) or eci.", DefaultValueFactory = _ => "random" };
    public Option<string?> Learner { get; } = new("--learner") { Description = "The learner whose hyperparameters the space file holds (gbdt, random_forest, extra_trees, linear, mlp)." };
    public Option<int?> Trials { get; } = new("--trials") { Description = "Trials in the study in all." };
    public Option<string?> Metric { get; } = new("--metric", "-m") { Description = "Metric to optimize." };
    public Option<string> Task { get; } = TaskOption.Create();
    public Option<string?> Ignore { get; } = IgnoreOption.Create();
    public Option<string?> Sheet { get; } = SheetOption.Create(of: "--data");
    public Option<int?> Folds { get; } = new("--folds") { Description = "Cross-validation folds (1: a 10% holdout)." };
    public Option<int> Seed { get; } = new("--seed") { DefaultValueFactory = _ => 0, Description = "Seeds folds and tuner." };
    public Option<int> GridPoints { get; } = new("--grid-points") { DefaultValueFactory = _ => 5, Description = "Values per numeric range for --tuner grid." };

    public SweepOptions()
    {
        Tuner.AcceptOnlyFromAmong([.. Tuners.Keys]);
        Metric.AcceptOnlyFromAmong([.. Enum.GetNames<Metric>().Select(AutoMLCommand.Kebab)]);
    }

    /// <summary>The options that say what a study searches, to add to a command.</summary>
    public IEnumerable<Symbol> Search => [Space, Data, Label, Tuner, Learner, Trials, Storage, Study, Metric, Task, Ignore, Sheet, Folds, Seed, GridPoints];

    public static Option<string> StorageOption() => new("--storage")
    {
        Description = "The trial store: sqlite:PATH (or a path), or postgresql://USER@HOST:PORT/DATABASE; missing parts and the password " +
            "come from the URL or PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE.",
        DefaultValueFactory = _ => "sqlite:sweep.db",
    };

    public static Option<string> StudyOption() => new("--study") { Description = "The study's name in the store.", DefaultValueFactory = _ => "sweep" };

    public TunerKind TunerOf(ParseResult parse) => Tuners[parse.GetRequiredValue(Tuner)];

    public Metric? MetricOf(ParseResult parse) =>
        parse.GetValue(Metric) is { } m ? Enum.Parse<Metric>(m.Replace("-", "", StringComparison.Ordinal), ignoreCase: true) : null;

    /// <summary>
    /// The space file's text, checked before anything is written (a trial store included): a missing file, a folder or
    /// a space that does not parse is bad input naming the file.
    /// </summary>
    public string SpaceText(ParseResult parse)
    {
        var path = parse.GetRequiredValue(Space).FullName;
        InputFile.Check(path, "Pass --space a search space JSON file");
        var text = File.ReadAllText(path);
        try
        {
            SearchSpaceJson.Read(text);
        }
        catch (SearchSpaceException e)
        {
            throw new PipelineException($"{path}: {e.Message}", e);
        }
        return text;
    }
}
