using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.MLNet.Trainers;

/// <summary>The refusal of ML.NET's binary-only trainers (FastTree, FastForest) for a label of more than two classes.</summary>
internal static class BinaryOnly
{
    public static void Check(MLNetData data, string trainer)
    {
        if (data.Task == PredictionTask.BinaryClassification) return;
        throw new SchemaException(
            $"{data.Step}: ML.NET's {trainer} classifier is binary, and the label has {data.Classes.Length} classes. ML.NET has no multiclass " +
            $"{trainer} (Microsoft.ML.AutoML wraps it one-versus-all, which this project does not): use LightGbmClassifier, or the project's own learners.");
    }
}
