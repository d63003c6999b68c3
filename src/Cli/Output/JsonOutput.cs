using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipelines.Cli.Output;

/// <summary>JSON settings for what the CLI prints: indented, camelCase, enums as text, NaN as "NaN".</summary>
internal static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };
}
