using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.Sampling;

/// <summary>
/// Base of class-rebalancing samplers, the template of imbalanced-learn's <c>fit_resample</c>: validate (a
/// categorical label with at least two classes, then the sampler's own checks), resolve <see cref="Strategy"/>
/// into a target row count per class, and let the sampler add or remove rows. Like every
/// <see cref="TrainingRowStep"/> it acts only while a chain is fitting; at Transform time data passes through.
/// Rows whose label is missing are never sampled nor removed.
/// </summary>
public abstract record Resampler : TrainingRowStep
{
    /// <summary>How many rows each class should end with; <see cref="SamplingStrategy.Auto"/> balances all classes.</summary>
    public SamplingStrategy Strategy { get; init; } = SamplingStrategy.Auto;

    /// <summary>Seed of the only source of randomness; the same seed and data give the same rows.</summary>
    public int Seed { get; init; }

    /// <summary>Whether the sampler adds rows (over-sampling) or removes them (under-sampling).</summary>
    public abstract SamplingDirection Direction { get; }

    /// <summary>The step's name in error messages.</summary>
    protected string StepName => GetType().Name;

    /// <inheritdoc/>
    protected sealed override void Validate(DataFrame input)
    {
        if (Strategy is null) ThrowHelper.BadOption(StepName, nameof(Strategy), null, "a SamplingStrategy");
        ValidateOptions();
        var label = LabelOf(StepName, input);
        var groups = ClassRows.Of(label);
        if (groups.PresentCount < 2) ThrowHelper.TooFewClasses(StepName, label.Name, groups.PresentCount, input.RowCount - label.MissingCount());
        ValidateData(input, groups);
    }

    /// <inheritdoc/>
    protected sealed override DataFrame ChangeRows(DataFrame input)
    {
        var groups = ClassRows.Of((CategoricalColumn)input.Label!);
        var targets = Strategy.Resolve(StepName, groups.Counts(), groups.Classes, Direction);
        return Resample(input, groups, targets, new Random(Seed));
    }

    /// <summary>Throws <see cref="ArgumentException"/> (through ThrowHelper.BadOption) for invalid options.</summary>
    protected virtual void ValidateOptions() { }

    /// <summary>The sampler's own data checks (missing values, column kinds, class sizes), after the label checks.</summary>
    protected virtual void ValidateData(DataFrame input, ClassRows groups) { }

    /// <summary>
    /// The core: returns the resampled frame, with class <c>c</c> holding <c>targets[c]</c> rows. Over-samplers
    /// return the input rows in order followed by the new rows; under-samplers the kept rows in their original order.
    /// </summary>
    protected abstract DataFrame Resample(DataFrame input, ClassRows groups, int[] targets, Random random);

    /// <summary>The frame's categorical label, or a clear error when it has none or it is not categorical.</summary>
    internal static CategoricalColumn LabelOf(string step, DataFrame input)
    {
        var label = input.Label;
        if (label is null) ThrowHelper.NeedsLabel(step);
        if (label is not CategoricalColumn categorical)
        {
            ThrowHelper.WrongKind(step, label.Name, label.Kind, ColumnKind.Categorical);
            return null!;
        }
        return categorical;
    }
}
