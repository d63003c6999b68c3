using System.CommandLine;
using Pipelines.Data;

namespace Pipelines.Cli.Commands;

/// <summary>`--task auto|classification|regression`: what the label is, shared by the commands that search.</summary>
internal static class TaskOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--task")
        {
            Description = "What the label is: auto (classes for names and up to 20 whole numbers, else values to regress), classification, or regression (a rating or count regressed).",
            DefaultValueFactory = _ => "auto",
        };
        option.AcceptOnlyFromAmong([.. Enum.GetNames<TaskChoice>().Select(n => n.ToLowerInvariant())]);
        return option;
    }

    public static TaskChoice Value(ParseResult parse, Option<string> option) => Enum.Parse<TaskChoice>(parse.GetRequiredValue(option), ignoreCase: true);
}
