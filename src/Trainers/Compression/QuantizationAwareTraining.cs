using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Trainers.Mlp;
using Pipelines.Trainers.Neural;
using Pipelines.Trainers.Neural.Modules;

namespace Pipelines.Trainers.Compression;

/// <summary>
/// Quantization-aware training (Jacob et al. 2018): the network is fine-tuned with fake quantization in its forward pass,
/// int8 symmetric per-output-channel weights and uint8 asymmetric activations (the network input and every hidden
/// layer's output) with moving-average min/max ranges (<see cref="FakeQuantize"/>); gradients pass by the straight-through
/// estimator. Before training, one pass over the training rows calibrates the ranges. The returned model holds the
/// fake-quantized weights (already on the int8 grid, so a later int8 export of weights is exact) and the
/// <see cref="CompressionResult.ActivationRanges"/> an exporter needs for the activations. With 0 fine-tuning epochs this
/// is post-training quantization (calibration only), the baseline QAT improves on.
/// </summary>
public sealed record QuantizationAwareTraining : MlpCompression
{
    /// <summary>Weight of each new batch's min/max in the moving-average activation ranges, in (0, 1].</summary>
    public float ObserverMomentum { get; init; } = 0.1f;

    /// <inheritdoc/>
    protected override string Method => FineTuneEpochs == 0 ? "post-training int8 quantization" : "quantization-aware training (int8)";

    /// <inheritdoc/>
    protected override void ValidateOptions(string stepName)
    {
        if (!(ObserverMomentum > 0 && ObserverMomentum <= 1)) ThrowHelper.BadOption(stepName, nameof(ObserverMomentum), ObserverMomentum, "a weight in (0, 1]");
    }

    private protected override (MlpModel, IReadOnlyList<ActivationRange>?, double?) Run(MlpModel model, MlpTrainingRows rows, DataFrame test)
    {
        var (network, linears, observers) = Build(model, ObserverMomentum);
        network.Train();
        using (Torch.NoGrad())
        {
            for (var start = 0; start < rows.Count; start += BatchSize)
                network.Forward(rows.Inputs.IndexRows(Enumerable.Range(start, Math.Min(BatchSize, rows.Count - start)).ToArray()));
        }
        MlpRetraining.Train(network, network.Parameters(), rows, model.Task, Settings(FineTuneEpochs));
        network.Eval();
        var layers = new MlpLayer[model.Layers.Count];
        for (var i = 0; i < layers.Length; i++)
        {
            var weight = FakeQuantize.Weights(linears[i].Weight.Detach()).Data;
            layers[i] = new MlpLayer(model.Layers[i].Inputs, model.Layers[i].Outputs, weight, [.. linears[i].Bias.Data], model.Layers[i].Activation);
        }
        var simulated = Simulate(network, model, MlpTrainingRows.Read(GetType().Name, model, test));
        return (MlpRetraining.WithLayers(model, layers), [.. observers.Select(o => o.Range)], simulated);
    }

    /// <summary>The fake-quantized network of <paramref name="model"/>: input observer, then per layer a fake-quantized
    /// Linear, its activation, and (except after the last) an observer.</summary>
    internal static (Sequential Network, FakeQuantLinear[] Linears, ActivationFakeQuant[] Observers) Build(MlpModel model, float momentum)
    {
        var modules = new List<Module>();
        var linears = new List<FakeQuantLinear>();
        var observers = new List<ActivationFakeQuant> { new(momentum) };
        modules.Add(observers[0]);
        for (var i = 0; i < model.Layers.Count; i++)
        {
            var layer = model.Layers[i];
            linears.Add(new FakeQuantLinear(layer));
            modules.Add(linears[^1]);
            if (layer.Activation != MlpActivation.Identity) modules.Add(MlpNetwork.Activation(layer.Activation));
            if (i == model.Layers.Count - 1) continue;
            observers.Add(new ActivationFakeQuant(momentum));
            modules.Add(observers[^1]);
        }
        return (new Sequential([.. modules]), [.. linears], [.. observers]);
    }

    // Accuracy (classification) or R^2 (regression, on the standardized target) of the fake-quantized network.
    private static double Simulate(Sequential network, MlpModel model, MlpTrainingRows test)
    {
        if (test.Count == 0) return double.NaN;
        Tensor outputs;
        using (Torch.NoGrad()) outputs = network.Forward(test.Inputs);
        if (model.Task != PredictionTask.Regression)
        {
            var k = model.Classes.Count;
            var correct = 0;
            for (var r = 0; r < test.Count; r++)
            {
                var row = outputs.Data.AsSpan(r * k, k);
                if (System.Numerics.Tensors.TensorPrimitives.IndexOfMax(row) == test.Classes[r]) correct++;
            }
            return correct / (double)test.Count;
        }
        var mean = test.Targets.Average();
        double sse = 0, sst = 0;
        for (var r = 0; r < test.Count; r++)
        {
            sse += Math.Pow(test.Targets[r] - outputs.Data[r], 2);
            sst += Math.Pow(test.Targets[r] - mean, 2);
        }
        return sst > 0 ? 1 - sse / sst : 0;
    }
}
