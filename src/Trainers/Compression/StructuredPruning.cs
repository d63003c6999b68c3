using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Trainers.Mlp;

namespace Pipelines.Trainers.Compression;

/// <summary>
/// Structured pruning of hidden units (Li et al. 2017 rank filters by weight norm; here units of dense layers): in each
/// hidden layer, from the input side on, keep the max(1, round(<see cref="WidthFraction"/> * width)) units with the
/// largest L2 norm of incoming weights ||W[o, :]||, drop the others' rows of W and b, and drop the matching input
/// columns of the next layer; then fine-tune. The output layer keeps all its units. The result is a narrower dense
/// network, so it is smaller and faster without sparse kernels.
/// </summary>
public sealed record StructuredPruning : MlpCompression
{
    /// <summary>Share of each hidden layer's units to keep, in (0, 1].</summary>
    public double WidthFraction { get; init; } = 0.5;

    /// <inheritdoc/>
    protected override string Method => $"structured pruning to {WidthFraction:P0} width";

    /// <inheritdoc/>
    protected override void ValidateOptions(string stepName)
    {
        if (!(WidthFraction > 0 && WidthFraction <= 1)) ThrowHelper.BadOption(stepName, nameof(WidthFraction), WidthFraction, "a share in (0, 1]");
    }

    private protected override (MlpModel, IReadOnlyList<ActivationRange>?, double?) Run(MlpModel model, MlpTrainingRows rows, DataFrame test)
    {
        var shrunk = MlpRetraining.WithLayers(model, Shrink(model.Layers, WidthFraction));
        var network = shrunk.ToModule();
        MlpRetraining.Train(network, network.Parameters(), rows, model.Task, Settings(FineTuneEpochs));
        return (MlpRetraining.WithLayers(model, MlpNetwork.Export(network)), null, null);
    }

    /// <summary>The layers with each hidden layer cut to its strongest units (see <see cref="StructuredPruning"/>).</summary>
    internal static MlpLayer[] Shrink(IReadOnlyList<MlpLayer> layers, double fraction)
    {
        var result = layers.ToArray();
        for (var i = 0; i < result.Length - 1; i++)
        {
            var layer = result[i];
            var keep = Strongest(layer, Math.Max(1, (int)Math.Round(fraction * layer.Outputs)));
            var weight = new float[keep.Length * layer.Inputs];
            var bias = new float[keep.Length];
            for (var k = 0; k < keep.Length; k++)
            {
                layer.Weight.AsSpan(keep[k] * layer.Inputs, layer.Inputs).CopyTo(weight.AsSpan(k * layer.Inputs));
                bias[k] = layer.Bias[keep[k]];
            }
            result[i] = new MlpLayer(layer.Inputs, keep.Length, weight, bias, layer.Activation);
            var next = result[i + 1];
            var nextWeight = new float[next.Outputs * keep.Length];
            for (var o = 0; o < next.Outputs; o++)
            {
                for (var k = 0; k < keep.Length; k++) nextWeight[o * keep.Length + k] = next.Weight[o * next.Inputs + keep[k]];
            }
            result[i + 1] = new MlpLayer(keep.Length, next.Outputs, nextWeight, [.. next.Bias], next.Activation);
        }
        return result;
    }

    // Indices (ascending) of the count units with the largest incoming-weight norm; ties go to the lower index.
    private static int[] Strongest(MlpLayer layer, int count)
    {
        var norms = new double[layer.Outputs];
        for (var o = 0; o < layer.Outputs; o++)
        {
            double sum = 0;
            foreach (var w in layer.Weight.AsSpan(o * layer.Inputs, layer.Inputs)) sum += (double)w * w;
            norms[o] = Math.Sqrt(sum);
        }
        var order = Enumerable.Range(0, layer.Outputs).OrderByDescending(o => norms[o]).ThenBy(o => o).Take(count).ToArray();
        Array.Sort(order);
        return order;
    }
}
