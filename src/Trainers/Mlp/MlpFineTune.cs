using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.Trainers.Mlp;

/// <summary>
/// Fine-tuning: continues training a fitted <see cref="MlpModel"/> on new (usually small) data with AdamW for a fixed
/// number of epochs, keeping the model's features, classes and input scaling. The first <see cref="FrozenLayers"/>
/// dense layers are frozen: their weights and biases are not updated and come out bit-identical. Every class in the
/// new rows must be one of the model's classes (a clear error names the unknown one); the rows need not hold all of
/// them. Needs numeric features without missing values.
/// </summary>
public sealed record MlpFineTune : IEstimator<MlpModel>
{
    /// <summary>The fitted model to start from (not changed; the result is a new model).</summary>
    public required MlpModel Model { get; init; }

    /// <summary>How many dense layers, counted from the input, keep their parameters (0: train all).</summary>
    public int FrozenLayers { get; init; }

    /// <summary>Passes over the new rows.</summary>
    public int Epochs { get; init; } = 20;

    /// <summary>AdamW step size; smaller than from scratch so the start is not forgotten.</summary>
    public float LearningRate { get; init; } = 1e-3f;

    public int BatchSize { get; init; } = 32;

    /// <summary>AdamW's decoupled weight decay.</summary>
    public float WeightDecay { get; init; }

    /// <summary>Seeds the minibatch order.</summary>
    public int Seed { get; init; }

    /// <inheritdoc/>
    public DataSchema GetOutputSchema(DataSchema input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Label is null) ThrowHelper.NeedsLabel(nameof(MlpFineTune));
        return Model.GetOutputSchema(input);
    }

    /// <inheritdoc/>
    public MlpModel Fit(DataFrame input)
    {
        const string step = nameof(MlpFineTune);
        ArgumentNullException.ThrowIfNull(input);
        if (Model is null) ThrowHelper.BadOption(step, nameof(Model), null, "a fitted MlpModel");
        if (FrozenLayers < 0 || FrozenLayers > Model.Layers.Count)
            ThrowHelper.BadOption(step, nameof(FrozenLayers), FrozenLayers, $"0 to {Model.Layers.Count} (the model's dense layers)");
        if (Epochs < 0) ThrowHelper.BadOption(step, nameof(Epochs), Epochs, "0 or more");
        if (!(LearningRate > 0) || float.IsInfinity(LearningRate)) ThrowHelper.BadOption(step, nameof(LearningRate), LearningRate, "a finite value > 0");
        if (BatchSize < 1) ThrowHelper.BadOption(step, nameof(BatchSize), BatchSize, "at least 1");
        if (!(WeightDecay >= 0) || float.IsInfinity(WeightDecay)) ThrowHelper.BadOption(step, nameof(WeightDecay), WeightDecay, "a finite value >= 0");
        var rows = MlpTrainingRows.Read(step, Model, input);
        var network = Model.ToModule();
        var linears = network.Layers.OfType<Neural.Modules.Linear>().ToArray();
        var trainable = linears.Skip(FrozenLayers).SelectMany(l => l.Parameters());
        MlpRetraining.Train(network, trainable, rows, Model.Task, new RetrainSettings(Epochs, LearningRate, BatchSize, WeightDecay, Seed));
        return MlpRetraining.WithLayers(Model, MlpNetwork.Export(network));
    }
}
