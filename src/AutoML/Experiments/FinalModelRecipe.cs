using Pipelines.AutoML.SearchSpace;
using Pipelines.Calibration;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Transforms.Cleaning;

namespace Pipelines.AutoML.Experiments;

/// <summary>
/// What an experiment's final model is, as a recipe that fits again on other rows: the member pipelines (trial
/// parameters) with their ensemble weights, the model seeds each member is fitted with (one fit per seed, averaged as
/// <see cref="ExperimentResult.Model"/> averages them), the decision step appended after them (calibration and rule as
/// fitted on the search's out-of-fold predictions, kept as they are; null for regression) and the text columns the
/// model ignores. <see cref="Refit"/> on the experiment's own frame gives <see cref="ExperimentResult.Model"/> again; on
/// another frame of the same columns (more rows, say) it gives the same model fitted there.
/// </summary>
/// <param name="Task">The experiment's task; a frame whose label reads as another task is refused.</param>
/// <param name="Members">The pipelines and their weights (summing to 1): one member with weight 1 without an ensemble.</param>
/// <param name="ModelSeeds">The seeds each member is fitted with (<see cref="ValidationPlan.ModelSeeds"/>).</param>
/// <param name="Decision">The decision step after the members' averaged probabilities; null for regression.</param>
/// <param name="DroppedColumns">Text feature columns the model ignores.</param>
/// <param name="Learners">The learners the parameters name.</param>
public sealed record FinalModelRecipe(
    PredictionTask Task,
    IReadOnlyList<RecipeMember> Members,
    IReadOnlyList<int> ModelSeeds,
    DecisionStep? Decision,
    IReadOnlyList<string> DroppedColumns,
    IReadOnlyList<ILearnerSpace> Learners)
{
    /// <summary>
    /// Fits the recipe on <paramref name="data"/> (label set, the experiment's columns): each member once per model
    /// seed on every row, averaged with the members' weights, then the same decision step. The result reads the same
    /// columns as <see cref="ExperimentResult.Model"/>. A label with other classes than the decision step's is refused,
    /// since the step's calibration and rule are per class. <paramref name="cancellation"/> stops the fits between
    /// rounds, trees or epochs.
    /// </summary>
    public ITransformer Refit(DataFrame data, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Label is null) throw new SchemaException("Refitting the final model needs the label column set (DataFrame.WithLabel).");
        DataFrame frame;
        try
        {
            frame = LabelTask.ReadAs(data, Task).Without(DroppedColumns);
        }
        catch (SchemaException e)
        {
            throw new PipelineException($"The final model was found for {Task}, but label '{data.LabelName}' of these rows does not read that way ({e.Message}); refit it on rows of the same label.");
        }
        var target = ExperimentTarget.Of(frame, Task);
        if (Decision is not null && !Decision.Classes.SequenceEqual(target.Classes, StringComparer.Ordinal))
            throw new PipelineException(
                $"The final model decides between classes {string.Join(", ", Decision.Classes)}, but these rows hold {string.Join(", ", target.Classes)}; " +
                "refit it on rows that hold the same classes.");
        using var context = TrainingContext.Enter(cancellation);
        var schema = frame.Schema;
        var bags = Members.Select(m =>
            (SeedBag.Fit(seed => PipelineFactory.Create(m.Parameters, schema, Task, Learners, seed).Fit(frame), ModelSeeds, frame, target), m.Weight)).ToArray();
        var model = SeedBag.Average(bags, schema);
        if (Decision is not null) model = new TransformerChain([model, Decision]);
        return DroppedColumns.Count == 0 ? model : new TransformerChain([new ColumnDropper(DroppedColumns), model]);
    }
}

/// <summary>One pipeline of a <see cref="FinalModelRecipe"/>: its trial's parameters and its weight in the average.</summary>
/// <param name="Trial">The trial it comes from.</param>
/// <param name="Parameters">The pipeline and learner parameters (<see cref="PipelineFactory"/>).</param>
/// <param name="Weight">Its share of the average.</param>
public sealed record RecipeMember(int Trial, Parameters Parameters, double Weight);
