using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Pipelines.AutoML.Store;

/// <summary>
/// How trial fields are written to SQLite columns and read back unchanged: timestamps as ISO-8601 UTC text with
/// 100 ns ticks (readable in any SQLite tool, ordered as text), doubles as REAL except NaN (which SQLite would store as
/// NULL) as the text <c>NaN</c>, fold scores as a JSON array, predictions as float32 little-endian bytes.
/// </summary>
internal static class SqliteValues
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private const string NaNText = "NaN";

    /// <summary>JSON that round-trips every double, NaN and infinities included.</summary>
    public static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ReadTimestamp(SqliteDataReader reader, int ordinal) =>
        DateTimeOffset.ParseExact(reader.GetString(ordinal), TimestampFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset? ReadOptionalTimestamp(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadTimestamp(reader, ordinal);

    /// <summary>A double for a REAL column: NaN as text, since SQLite turns a NaN REAL into NULL.</summary>
    public static object Real(double? value) => value switch
    {
        null => DBNull.Value,
        { } v when double.IsNaN(v) => NaNText,
        { } v => v,
    };

    public static double? ReadReal(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null
        : reader.GetFieldType(ordinal) == typeof(string) ? ParseNaN(reader.GetString(ordinal))
        : reader.GetDouble(ordinal);

    public static object Optional<T>(T? value) where T : struct => value is { } v ? v : DBNull.Value;

    public static object Optional(string? value) => value is null ? DBNull.Value : value;

    public static int? ReadOptionalInt(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static string? ReadOptionalString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static string FoldScores(IReadOnlyList<double> scores) => JsonSerializer.Serialize(scores, Json);

    public static double[] ReadFoldScores(string json) => JsonSerializer.Deserialize<double[]>(json, Json) ?? [];

    public static string Parameters(JsonObject parameters) => parameters.ToJsonString(Json);

    public static JsonObject ReadParameters(string json) =>
        JsonNode.Parse(json) as JsonObject ?? throw new TrialStoreException($"A stored trial's parameters are not a JSON object: {json}");

    public static object Predictions(float[]? values)
    {
        if (values is null) return DBNull.Value;
        var bytes = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        return bytes;
    }

    public static float[]? ReadPredictions(SqliteDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal)) return null;
        var bytes = (byte[])reader.GetValue(ordinal);
        if (bytes.Length % sizeof(float) != 0)
            throw new TrialStoreException($"A stored trial's out-of-fold predictions have {bytes.Length} bytes, not a whole number of float32 values; the store is damaged.");
        var values = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < values.Length; i++)
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        return values;
    }

    private static double ParseNaN(string text) =>
        text == NaNText ? double.NaN : throw new TrialStoreException($"A stored number is the text '{text}'; the store is damaged.");
}
