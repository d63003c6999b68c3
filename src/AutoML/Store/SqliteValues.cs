using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Pipelines.AutoML.Store;

/// <summary>
/// How trial fields are written to SQLite columns and read back unchanged: timestamps as ISO-8601 UTC text with
/// 100 ns ticks (readable in any SQLite tool, ordered as text), doubles as REAL except NaN (which SQLite would store as
/// NULL) as the text <c>NaN</c>; fold scores, parameters and predictions as <see cref="TrialValues"/> encodes them.
/// </summary>
internal static class SqliteValues
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private const string NaNText = "NaN";

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

    public static object Predictions(float[]? values) => values is null ? DBNull.Value : TrialValues.PredictionBytes(values);

    public static float[]? ReadPredictions(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : TrialValues.ReadPredictionBytes((byte[])reader.GetValue(ordinal));

    private static double ParseNaN(string text) =>
        text == NaNText ? double.NaN : throw new TrialStoreException($"A stored number is the text '{text}'; the store is damaged.");
}
