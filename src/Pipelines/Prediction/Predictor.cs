using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.Prediction;

/// <summary>
/// Base of fitted learners: checks the input columns, and turns <see cref="IPredictor.Predict"/> output into prediction
/// columns. Subclasses hold the learned state (weights, trees) and implement <see cref="Predict"/>.
/// </summary>
public abstract class Predictor : IPredictor
{
    protected Predictor(PredictionTask task, IReadOnlyList<string> features, IReadOnlyList<string> classes)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(classes);
        if (task != PredictionTask.Regression && classes.Count < 2)
            throw new ArgumentException($"A {task} model needs at least two classes, got {classes.Count}.", nameof(classes));
        Task = task;
        Features = [.. features];
        Classes = [.. classes];
    }

    public PredictionTask Task { get; }
    public IReadOnlyList<string> Features { get; }
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Whether the model reads categorical feature columns itself (trees with native categorical splits).</summary>
    protected virtual bool AcceptsCategoricalFeatures => false;

    public abstract float[] Predict(DataFrame input);

    public DataSchema GetOutputSchema(DataSchema input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var step = GetType().Name;
        foreach (var name in Features)
        {
            if (!input.TryGet(name, out var column)) ThrowHelper.MissingColumn(step, name, input.Columns.Select(c => c.Name));
            if (column.Kind == ColumnKind.Numeric || (AcceptsCategoricalFeatures && column.Kind == ColumnKind.Categorical)) continue;
            if (AcceptsCategoricalFeatures) ThrowHelper.WrongKind(step, name, column.Kind, ColumnKind.Numeric, ColumnKind.Categorical);
            ThrowHelper.WrongKind(step, name, column.Kind, ColumnKind.Numeric);
        }
        var added = Task == PredictionTask.Regression
            ? [new ColumnSchema(PredictionColumns.Score, ColumnKind.Numeric)]
            : Classes.Select(c => new ColumnSchema(PredictionColumns.Probability(c), ColumnKind.Numeric))
                .Prepend(new ColumnSchema(PredictionColumns.PredictedLabel, ColumnKind.Categorical)).ToArray();
        var kept = input.Columns.Where(c => added.All(a => a.Name != c.Name));
        return new DataSchema([.. kept, .. added]);
    }

    public DataFrame Transform(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        GetOutputSchema(input.Schema);
        var outputs = Predict(input);
        var result = input;
        foreach (var column in PredictionOutput.Columns(Task, Classes, outputs, input.RowCount))
            result = result.Without(result.Contains(column.Name) ? [column.Name] : []).With(column);
        return result;
    }
}
