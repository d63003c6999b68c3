using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Pipelines.AutoML.Store;

/// <summary>
/// Trial parameters on one line for a leaderboard: <c>rounds=64 num_leaves=16 encoding=onehot(max_categories=16)</c>.
/// A conditional choice <c>{"option": {section}}</c> reads <c>name=option(section)</c>, or <c>name=option</c> when
/// its section is empty; the learner's own section is written bare, since the learner has its own column.
/// </summary>
public static class ParameterSummary
{
    private const string LearnerName = "learner";

    /// <summary>Summarizes <paramref name="parameters"/> (the <c>Parameters.ToJsonNode()</c> form); numbers to 6 significant digits.</summary>
    /// <param name="parameters">The trial's parameters.</param>
    /// <param name="learner">The trial's learner: the <c>learner</c> section for it is written without its <c>learner=name(...)</c> wrapper.</param>
    public static string Format(JsonObject parameters, string? learner = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var text = new StringBuilder();
        var learnerSection = LearnerSection(parameters, learner);
        if (learnerSection is not null) AppendSection(text, learnerSection);
        foreach (var (name, value) in parameters)
        {
            if (learnerSection is not null && name == LearnerName) continue;
            Separate(text);
            text.Append(name).Append('=');
            AppendValue(text, value);
        }
        return text.ToString();
    }

    private static JsonObject? LearnerSection(JsonObject parameters, string? learner) =>
        learner is not null && parameters[LearnerName] is JsonObject { Count: 1 } choice
        && choice.First() is { Value: JsonObject section } option && option.Key == learner
            ? section
            : null;

    private static void AppendSection(StringBuilder text, JsonObject section)
    {
        foreach (var (name, value) in section)
        {
            Separate(text);
            text.Append(name).Append('=');
            AppendValue(text, value);
        }
    }

    private static void AppendValue(StringBuilder text, JsonNode? value)
    {
        switch (value)
        {
            case JsonObject { Count: 1 } choice when choice.First() is { Value: JsonObject section } option:
                text.Append(option.Key);
                if (section.Count == 0) return;
                text.Append('(');
                AppendSection(text, section);
                text.Append(')');
                return;
            case JsonValue v when v.TryGetValue<string>(out var s):
                text.Append(s);
                return;
            case JsonValue v when v.TryGetValue<double>(out var d):
                text.Append(d.ToString("G6", CultureInfo.InvariantCulture));
                return;
            case null:
                text.Append("null");
                return;
            default:
                text.Append(value.ToJsonString());
                return;
        }
    }

    /// <summary>A space between entries; none at the start or right after an opening parenthesis.</summary>
    private static void Separate(StringBuilder text)
    {
        if (text.Length > 0 && text[^1] != '(') text.Append(' ');
    }
}
