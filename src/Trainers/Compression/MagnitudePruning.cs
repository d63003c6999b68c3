using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Trainers.Mlp;
using Pipelines.Trainers.Neural.Modules;

namespace Pipelines.Trainers.Compression;

/// <summary>
/// Unstructured magnitude pruning with a gradual schedule (Zhu and Gupta 2017, "To prune, or not to prune"): over
/// <see cref="PruningSteps"/> steps t = 1..N the sparsity of every layer's weight matrix rises as
/// s_t = s (1 - (1 - t / N)^3); at each step the round(s_t * count) smallest |w| of each layer (already pruned ones
/// first) are masked to 0 and the network trains <see cref="EpochsPerStep"/> epochs, then
/// <see cref="MlpCompression.FineTuneEpochs"/> more at the final sparsity. Masks are re-applied after every optimizer
/// step, so pruned weights stay exactly 0. Biases are not pruned.
/// </summary>
public sealed record MagnitudePruning : MlpCompression
{
    /// <summary>Target share of zero weights in each layer, in [0, 1).</summary>
    public double Sparsity { get; init; } = 0.5;

    /// <summary>Steps of the gradual schedule (1: one-shot).</summary>
    public int PruningSteps { get; init; } = 4;

    /// <summary>Training epochs after each pruning step before the next.</summary>
    public int EpochsPerStep { get; init; } = 2;

    /// <inheritdoc/>
    protected override string Method => $"magnitude pruning to {Sparsity:P0} sparsity";

    /// <inheritdoc/>
    protected override void ValidateOptions(string stepName)
    {
        if (Sparsity is < 0 or >= 1 || double.IsNaN(Sparsity)) ThrowHelper.BadOption(stepName, nameof(Sparsity), Sparsity, "a share in [0, 1)");
        if (PruningSteps < 1) ThrowHelper.BadOption(stepName, nameof(PruningSteps), PruningSteps, "at least 1");
        if (EpochsPerStep < 0) ThrowHelper.BadOption(stepName, nameof(EpochsPerStep), EpochsPerStep, "0 or more");
    }

    private protected override (MlpModel, IReadOnlyList<ActivationRange>?, double?) Run(MlpModel model, MlpTrainingRows rows, DataFrame test)
    {
        var network = model.ToModule();
        var linears = network.Layers.OfType<Linear>().ToArray();
        var masks = linears.Select(l => Enumerable.Repeat(1f, l.Weight.Count).ToArray()).ToArray();
        void ApplyMasks()
        {
            for (var i = 0; i < linears.Length; i++)
            {
                var w = linears[i].Weight.Data;
                for (var j = 0; j < w.Length; j++) w[j] *= masks[i][j];
            }
        }
        for (var t = 1; t <= PruningSteps; t++)
        {
            var sparsity = Schedule(Sparsity, t, PruningSteps);
            for (var i = 0; i < linears.Length; i++) Mask(linears[i].Weight.Data, masks[i], sparsity);
            ApplyMasks();
            MlpRetraining.Train(network, network.Parameters(), rows, model.Task, Settings(EpochsPerStep, t), ApplyMasks);
        }
        MlpRetraining.Train(network, network.Parameters(), rows, model.Task, Settings(FineTuneEpochs), ApplyMasks);
        return (MlpRetraining.WithLayers(model, MlpNetwork.Export(network)), null, null);
    }

    /// <summary>s_t = s (1 - (1 - t / n)^3), the cubic schedule; s_n = s.</summary>
    internal static double Schedule(double sparsity, int t, int n) => sparsity * (1 - Math.Pow(1 - t / (double)n, 3));

    /// <summary>Sets <paramref name="mask"/> to 0 for the round(sparsity * count) weights of smallest magnitude (masked ones
    /// count as 0, ties by index) and 1 elsewhere.</summary>
    internal static void Mask(ReadOnlySpan<float> weights, float[] mask, double sparsity)
    {
        var count = (int)Math.Round(sparsity * weights.Length);
        var magnitude = new float[weights.Length];
        var order = new int[weights.Length];
        for (var j = 0; j < weights.Length; j++)
        {
            magnitude[j] = mask[j] == 0 ? -1 : MathF.Abs(weights[j]);
            order[j] = j;
        }
        Array.Sort(order, (a, b) => magnitude[a] != magnitude[b] ? magnitude[a].CompareTo(magnitude[b]) : a.CompareTo(b));
        Array.Fill(mask, 1f);
        for (var j = 0; j < count; j++) mask[order[j]] = 0;
    }
}
