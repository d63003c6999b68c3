using System.Buffers.Binary;
using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipelines.AutoML.Store;

/// <summary>
/// How trial fields are encoded the same way in every backend: fold scores as a JSON array, parameters as JSON text
/// (kept as text, not a JSON column type, so a replay compares exactly what the tuner wrote), predictions as float32
/// little-endian bytes, the status by its name.
/// </summary>
internal static class TrialValues
{
    /// <summary>JSON that round-trips every double, NaN and infinities included.</summary>
    public static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static string FoldScores(IReadOnlyList<double> scores) => JsonSerializer.Serialize(scores, Json);

    public static double[] ReadFoldScores(string json) => JsonSerializer.Deserialize<double[]>(json, Json) ?? [];

    public static string Parameters(JsonObject parameters) => parameters.ToJsonString(Json);

    public static JsonObject ReadParameters(string json) =>
        JsonNode.Parse(json) as JsonObject ?? throw new TrialStoreException($"A stored trial's parameters are not a JSON object: {json}");

    public static byte[] PredictionBytes(float[] values)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        return bytes;
    }

    public static float[] ReadPredictionBytes(byte[] bytes)
    {
        if (bytes.Length % sizeof(float) != 0)
            throw new TrialStoreException($"A stored trial's out-of-fold predictions have {bytes.Length} bytes, not a whole number of float32 values; the store is damaged.");
        var values = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < values.Length; i++)
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        return values;
    }

    /// <summary>The status stored for trial <paramref name="id"/> in <paramref name="store"/>; a name this tool does not know is refused.</summary>
    public static TrialStatus ReadStatus(string text, int id, string store) =>
        Enum.TryParse<TrialStatus>(text, out var status) && Enum.IsDefined(status)
            ? status
            : throw new TrialStoreException($"Trial {id} in '{store}' has status '{text}', which this tool does not know. Upgrade the tool.");

    /// <summary>The studies <paramref name="select"/> returns (columns name, kind, metric, higher_is_better, fingerprint, settings_json).</summary>
    public static List<StudySpec> ReadStudies(DbCommand select)
    {
        using var reader = select.ExecuteReader();
        var studies = new List<StudySpec>();
        while (reader.Read())
        {
            studies.Add(new StudySpec(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3),
                reader.GetString(4), reader.GetString(5)));
        }
        return studies;
    }

    /// <summary>The refusal when a study is opened with settings other than those it was made with.</summary>
    public static TrialStoreException FingerprintMismatch(StudySpec stored, StudySpec spec, string store) =>
        new($"Study '{spec.Name}' in trial store '{store}' was made with other settings (fingerprint {Short(stored.Fingerprint)}, " +
            $"now {Short(spec.Fingerprint)}), so resuming it would not replay its trials. Use a new study name, or a different store file or database.") { IsSettingsMismatch = true };

    private static string Short(string fingerprint) => fingerprint.Length <= 12 ? fingerprint : fingerprint[..12];
}
