using Microsoft.ML;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Prediction;

namespace Pipelines.MLNet.Trainers;

/// <summary>The data of one ML.NET training: the feature names, the task and classes, the view ML.NET reads and its context.</summary>
internal sealed record MLNetData(string Step, IReadOnlyList<string> Features, PredictionTask Task, string[] Classes, TrainingDataView View, MLContext Context)
{
    /// <summary>Every feature is numeric here (ML.NET's trainers get a vector of Single).</summary>
    public bool[] NotCategorical => new bool[Features.Count];
}

/// <summary>
/// What the ML.NET learners share: reading the frame at the boundary, the output schema, running the trainer with its
/// failures turned into the project's errors, and ML.NET's own ONNX export of the trained model.
/// </summary>
internal static class MLNetTraining
{
    /// <summary>
    /// Reads <paramref name="data"/> for <paramref name="step"/>: numeric features (NaN refused unless
    /// <paramref name="allowMissing"/>), the label as classes (at least two present) or, for regression, values. With
    /// <paramref name="classesAsKey"/> a binary label is a key of two values, as ML.NET's multiclass trainers read it.
    /// </summary>
    public static MLNetData Read(string step, DataFrame data, bool regression, bool allowMissing, int seed, bool classesAsKey = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        var set = TrainingSet.Read(step, data, allowMissing, allowCategorical: false, regression: regression);
        var columns = set.FeatureColumns.Select(c => (NumericColumn)c).ToArray();
        string[] classes = [.. set.Classes];
        var task = set.Task;
        // TrainingSet.Read has refused a class label with fewer than two classes present.
        if (!regression && task == PredictionTask.Regression)
            throw new SchemaException($"{step}: label '{data.LabelName}' holds numbers with many distinct values; use the regressor for regression.");
        if (regression && set.RowCount < 2) ThrowHelper.TooFewRows(step, set.RowCount, 2);
        var labelKind = classesAsKey && task == PredictionTask.BinaryClassification ? PredictionTask.MulticlassClassification : task;
        var view = new TrainingDataView(columns, labelKind, classes.Length, set.ClassCodes, set.Targets, set.Weights);
        return new MLNetData(step, set.Features, task, classes, view, new MLContext(seed));
    }

    /// <summary>The thread count for ML.NET: the option capped by the training context, or the context's cap.</summary>
    public static int Threads(MLNetTrainerOptions options) => TrainingContext.Threads(options.Threads);

    /// <summary>
    /// Runs <paramref name="fit"/> on the data's view. A stop of the training context cancels the data's MLContext
    /// (<see cref="MLContextStop"/>), which a fit may honour midway (not every one does), and the context is checked
    /// again after the fit; ML.NET's own failures become a <see cref="PipelineException"/> naming the trainer.
    /// </summary>
    public static T Fit<T>(MLNetData data, string trainer, Func<IDataView, T> fit)
    {
        var stop = TrainingContext.Cancellation;
        stop.ThrowIfCancellationRequested();
        T fitted;
        try
        {
            using var _ = MLContextStop.Link(data.Context, stop);
            fitted = fit(data.View);
        }
        catch (Exception e) when (stop.IsCancellationRequested)
        {
            // ML.NET reports its cancellation in its own words (an OperationCanceledException or its own exception).
            throw new OperationCanceledException($"{data.Step}: stopped during ML.NET's {trainer}.", e, stop);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or NotSupportedException)
        {
            throw new PipelineException($"{data.Step}: ML.NET's {trainer} failed on this data: {e.Message}", e);
        }
        stop.ThrowIfCancellationRequested();
        return fitted;
    }

    /// <summary>ML.NET's own ONNX export (Microsoft.ML.OnnxConverter) of <paramref name="fitted"/>, as bytes.</summary>
    public static byte[] Onnx(MLNetData data, Microsoft.ML.ITransformer fitted)
    {
        using var stream = new MemoryStream();
        data.Context.Model.ConvertToOnnx(fitted, data.View, stream);
        return stream.ToArray();
    }

    /// <summary>Input schema plus the prediction columns (partial for classification: class names come from the data).</summary>
    public static DataSchema OutputSchema(DataSchema input, bool regression, string step)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Label is null) ThrowHelper.NeedsLabel(step);
        foreach (var column in input.Features)
        {
            if (column.Kind == ColumnKind.Categorical)
                throw new SchemaException($"{step}: feature '{column.Name}' is categorical; ML.NET's trainers take numbers, so encode it first (OneHotEncode, TargetEncode) or drop it.");
            if (column.Kind != ColumnKind.Numeric) ThrowHelper.WrongKind(step, column.Name, column.Kind, ColumnKind.Numeric);
        }
        var added = regression
            ? new ColumnSchema(PredictionColumns.Score, ColumnKind.Numeric)
            : new ColumnSchema(PredictionColumns.PredictedLabel, ColumnKind.Categorical);
        var schema = new DataSchema([.. input.Columns.Where(c => c.Name != added.Name), added]);
        return regression ? schema : schema.AsPartial();
    }
}
