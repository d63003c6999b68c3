using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.IO;

namespace Pipelines.Persistence;

/// <summary>A fitted pipeline as read from a file, with the input schema it was fitted on.</summary>
public sealed record SavedPipeline(ITransformer Model, DataSchema InputSchema, string? Description, string Producer, DateTime CreatedUtc);

/// <summary>
/// Saves and loads fitted pipelines. The file is gzip-compressed JSON: a header (format name and version,
/// producer, input schema) and the model, whose polymorphic members are written by stable names
/// (<see cref="PersistedTypeAttribute"/>). Writing goes to a temporary file renamed into place, so a
/// crash never leaves a half-written file under the final name.
/// </summary>
public static class PipelineFile
{
    public const string FormatName = "pipelines.model";
    public const int FormatVersion = 1;

    /// <summary>Serializer settings for persisted state: named NaN/Infinity, enums as text, polymorphism by stable names.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateOptions();

    public static void Save(string path, ITransformer model, DataSchema inputSchema, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputSchema);
        var envelope = new Envelope(
            FormatName, FormatVersion, Producer, DateTime.UtcNow, description,
            [.. inputSchema.Columns], model);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        try
        {
            AtomicFile.Write(path, file =>
            {
                using var gzip = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true);
                JsonSerializer.Serialize(gzip, envelope, JsonOptions);
            });
        }
        catch (NotSupportedException e)
        {
            throw new PipelineException($"Cannot save the pipeline: {e.Message} Every fitted type needs [PersistedType] and public state.", e);
        }
    }

    public static SavedPipeline Load(string path)
    {
        if (!File.Exists(path))
            throw new PipelineException($"{path}: no such pipeline file. Check the path, or fit and save a pipeline first.");
        using var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[2];
        if (file.Read(magic) < 2 || magic[0] != 0x1f || magic[1] != 0x8b)
            throw new ModelFormatException($"{path}: not a pipeline file (it is not gzip-compressed). Pass a file written by PipelineFile.Save or 'pipelines' itself.");
        file.Position = 0;
        Envelope? envelope;
        try
        {
            // The serializer reads to the end of the data, where GzipInputStream checks the trailer (a file cut inside it reads as whole otherwise).
            using var gzip = new GzipInputStream(file);
            envelope = JsonSerializer.Deserialize<Envelope>(gzip, JsonOptions);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            throw new ModelFormatException($"{path}: the file is corrupted or truncated ({e.Message}). Save the pipeline again.", e);
        }
        catch (JsonException e)
        {
            throw Explain(path, e);
        }
        catch (NotSupportedException e)
        {
            throw new ModelFormatException($"{path}: the file holds a component this version cannot read ({e.Message}).", e);
        }
        catch (ArgumentException e)
        {
            // A fitted type's constructor refused the stored state: the file was edited or damaged.
            throw new ModelFormatException($"{path}: the file holds invalid model state ({e.Message}). Save the pipeline again.", e);
        }
        if (envelope is null || envelope.Format != FormatName)
            throw new ModelFormatException($"{path}: not a pipeline file (format '{envelope?.Format}', expected '{FormatName}').");
        if (envelope.FormatVersion != FormatVersion)
            throw new ModelFormatException(
                $"{path}: written in pipeline format version {envelope.FormatVersion} by {envelope.Producer}; this is {Producer}, which reads version {FormatVersion}. " +
                (envelope.FormatVersion > FormatVersion ? "Upgrade to read it." : "Fit and save the pipeline again with this version."));
        if (envelope.Model is null)
            throw new ModelFormatException($"{path}: the file has no model in it. Save the pipeline again.");
        return new SavedPipeline(envelope.Model, new DataSchema(envelope.InputSchema ?? []), envelope.Description, envelope.Producer ?? "unknown", envelope.CreatedUtc);
    }

    /// <summary>The name and version of this library, written into every file.</summary>
    public static string Producer { get; } =
        "Pipelines " + (typeof(PipelineFile).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");

    private static ModelFormatException Explain(string path, JsonException e)
    {
        var message = e.Message.Contains("type discriminator", StringComparison.OrdinalIgnoreCase)
            ? $"{path}: the file holds a component this version does not know ({e.Message}). It was probably written by a newer version."
            : $"{path}: the file is corrupted ({e.Message}). Save the pipeline again.";
        return new ModelFormatException(message, e);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { PersistedTypes.AddPolymorphism } },
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            MaxDepth = 256,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly();
        return options;
    }

    private sealed record Envelope(
        string Format, int FormatVersion, string? Producer, DateTime CreatedUtc, string? Description,
        ColumnSchema[]? InputSchema, ITransformer? Model);
}
