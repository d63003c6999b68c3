using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Pipelines.Data;

namespace Pipelines.AutoML.Experiments;

/// <summary>
/// A SHA-256 over everything a resumed run must share with the stored one to replay its trials: the training data
/// (names, kinds and every value), the settings JSON (space, tuner, seed, folds, metric, cost mode).
/// </summary>
internal static class StudyFingerprint
{
    public static string Compute(DataFrame data, string settingsJson)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, settingsJson);
        Add(hash, data.LabelName ?? "");
        foreach (var column in data.Columns)
        {
            Add(hash, column.Name);
            Add(hash, column.Kind.ToString());
            switch (column)
            {
                case NumericColumn n:
                    hash.AppendData(MemoryMarshal.AsBytes(n.Values));
                    break;
                case CategoricalColumn c:
                    hash.AppendData(MemoryMarshal.AsBytes(c.Codes));
                    foreach (var category in c.Categories) Add(hash, category);
                    break;
                default:
                    for (var row = 0; row < column.Length; row++) Add(hash, column.FormatValue(row) ?? "\0");
                    break;
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Add(IncrementalHash hash, string text)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(text));
        hash.AppendData(BitConverter.GetBytes(text.Length));
    }
}
