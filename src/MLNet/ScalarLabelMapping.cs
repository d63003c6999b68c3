using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using Pipelines.Errors;

namespace Pipelines.MLNet;

/// <summary>
/// ML.NET steps that turn the ONNX model's PredictedLabel, which OnnxTransformer exposes as a one-slot text vector, into
/// a scalar text column, so a prediction class can read it as a <c>string</c>. ML.NET has no built-in step from a
/// vector to a scalar that keeps the value and that its own zip format can save, so this combines two that it has: hash the
/// one-slot vector into a scalar key (Hash with Combine), then map each class's hash back to the class name (MapValue).
/// The hashes are computed by the same Hash step on the class names, and a seed without collisions is chosen, so the
/// mapping is exact for every class the model can predict.
/// </summary>
internal static class ScalarLabelMapping
{
    /// <summary>The temporary column holding the hash (dropped at the end).</summary>
    public const string HashColumn = "PredictedLabel.hash";

    private const int Bits = 31;
    private const int SeedsTried = 32;

    public static IEstimator<ITransformer> Create(MLContext mlContext, string column, IReadOnlyList<string> classes)
    {
        for (uint seed = 0; seed < SeedsTried; seed++)
        {
            var hash = mlContext.Transforms.Conversion.Hash([new HashingEstimator.ColumnOptions(HashColumn, column, Bits, seed, combine: true)]);
            var hashes = Hashes(mlContext, hash, column, classes);
            if (hashes.Distinct().Count() != classes.Count) continue;
            var pairs = hashes.Zip(classes, (h, c) => new KeyValuePair<uint, string>(h, c));
            return hash
                .Append(mlContext.Transforms.Conversion.ConvertType(HashColumn, HashColumn, DataKind.UInt32))
                .Append(mlContext.Transforms.Conversion.MapValue(column, pairs, HashColumn))
                .Append(mlContext.Transforms.DropColumns(HashColumn));
        }
        throw new PipelineException($"The {classes.Count} class names collide under every one of {SeedsTried} hash seeds, so PredictedLabel cannot be mapped to text; this should not happen with distinct names.");
    }

    /// <summary>What <paramref name="hash"/> gives for each class name as a one-slot text vector, as ONNX outputs it.</summary>
    private static uint[] Hashes(MLContext mlContext, HashingEstimator hash, string column, IReadOnlyList<string> classes)
    {
        var schema = SchemaDefinition.Create(typeof(ClassRow));
        var value = schema.Single();
        value.ColumnName = column;
        value.ColumnType = new VectorDataViewType(TextDataViewType.Instance, 1);
        var view = mlContext.Data.LoadFromEnumerable(classes.Select(c => new ClassRow { Value = [c] }), schema);
        var hashed = hash.Fit(view).Transform(view);
        return [.. hashed.GetColumn<uint>(HashColumn)];
    }

    /// <summary>A row of the one-column view the hashes are computed on.</summary>
    private sealed class ClassRow
    {
        public string[] Value { get; set; } = [];
    }
}
