using System.Numerics.Tensors;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Persistence;
using Pipelines.Prediction;
using Pipelines.Trainers.Neural;
using Pipelines.Trainers.Neural.Kernels;
using Pipelines.Trainers.Neural.Modules;

namespace Pipelines.Trainers.Mlp;

/// <summary>
/// A fitted multilayer perceptron. Prediction: z = (x - InputMean) * InputScale, then for each layer
/// z = activation(z W^T + b); classification outputs softmax(z) (one probability per class), regression outputs
/// z * TargetScale + TargetMean. Plain arrays only, the form ONNX export reads (Sub, Mul, then Gemm + activation per layer,
/// Softmax). Batch normalization is already folded into the layers.
/// </summary>
[PersistedType("mlp")]
public sealed class MlpModel : Predictor
{
    public MlpModel(
        PredictionTask task, IReadOnlyList<string> features, IReadOnlyList<string> classes,
        float[] inputMean, float[] inputScale, IReadOnlyList<MlpLayer> layers, float targetMean, float targetScale)
        : base(task, features, classes)
    {
        ArgumentNullException.ThrowIfNull(inputMean);
        ArgumentNullException.ThrowIfNull(inputScale);
        ArgumentNullException.ThrowIfNull(layers);
        if (inputMean.Length != features.Count || inputScale.Length != features.Count)
            throw new ArgumentException($"MlpModel: {features.Count} features but {inputMean.Length} means and {inputScale.Length} scales.");
        if (layers.Count == 0) throw new ArgumentException("MlpModel: needs at least one layer.");
        var width = features.Count;
        foreach (var layer in layers)
        {
            if (layer.Inputs != width) throw new ArgumentException($"MlpModel: a layer takes {layer.Inputs} inputs, but the previous width is {width}.");
            width = layer.Outputs;
        }
        var expected = task == PredictionTask.Regression ? 1 : classes.Count;
        if (width != expected) throw new ArgumentException($"MlpModel: the last layer has {width} outputs, expected {expected}.");
        InputMean = inputMean;
        InputScale = inputScale;
        Layers = [.. layers];
        TargetMean = targetMean;
        TargetScale = targetScale;
    }

    public float[] InputMean { get; }

    /// <summary>1 / std of each feature (1 for constant features, or when standardization was off).</summary>
    public float[] InputScale { get; }

    public IReadOnlyList<MlpLayer> Layers { get; }

    /// <summary>Regression: the network predicts (y - TargetMean) / TargetScale. Classification: 0.</summary>
    public float TargetMean { get; }

    /// <summary>Regression: the std of the training targets. Classification: 1.</summary>
    public float TargetScale { get; }

    public override float[] Predict(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        GetOutputSchema(input.Schema);
        var rows = input.RowCount;
        var z = FeatureMatrix.RowMajor(input, Features);
        var d = Features.Count;
        for (var r = 0; r < rows; r++)
        {
            var row = z.AsSpan(r * d, d);
            for (var j = 0; j < d; j++)
            {
                if (float.IsNaN(row[j])) ThrowHelper.MissingValues(nameof(MlpModel), Features[j], r);
            }
            TensorPrimitives.Subtract(row, InputMean, row);
            TensorPrimitives.Multiply(row, InputScale, row);
        }
        foreach (var layer in Layers)
        {
            var next = new float[rows * layer.Outputs];
            Sgemm.Multiply(false, true, rows, layer.Outputs, layer.Inputs, 1f, z, layer.Inputs, layer.Weight, layer.Inputs, 0f, next, layer.Outputs);
            for (var r = 0; r < rows; r++)
            {
                var row = next.AsSpan(r * layer.Outputs, layer.Outputs);
                TensorPrimitives.Add(row, layer.Bias, row);
                Activate(layer.Activation, row);
            }
            z = next;
        }
        if (Task == PredictionTask.Regression)
        {
            TensorPrimitives.Multiply(z, TargetScale, z);
            TensorPrimitives.Add(z, TargetMean, z);
            return z;
        }
        var k = Classes.Count;
        for (var r = 0; r < rows; r++)
        {
            var row = z.AsSpan(r * k, k);
            // TensorPrimitives.SoftMax does not shift by the max: a logit above ~88 would overflow exp to Inf/Inf = NaN.
            TensorPrimitives.Subtract(row, TensorPrimitives.Max(row), row);
            TensorPrimitives.SoftMax(row, row);
        }
        return z;
    }

    /// <summary>
    /// The network as trainable modules for fine-tuning (Linear + activation modules; batch norm stays folded), with
    /// these weights. Feed it standardized inputs: (x - InputMean) * InputScale.
    /// </summary>
    public Sequential ToModule()
    {
        var modules = new List<Module>();
        var unused = new Generator(0);
        foreach (var layer in Layers)
        {
            var linear = new Linear(layer.Inputs, layer.Outputs, unused);
            layer.Weight.CopyTo(linear.Weight.Data, 0);
            layer.Bias.CopyTo(linear.Bias!.Data, 0);
            modules.Add(linear);
            if (layer.Activation != MlpActivation.Identity) modules.Add(MlpNetwork.Activation(layer.Activation));
        }
        return new Sequential([.. modules]);
    }

    private static void Activate(MlpActivation activation, Span<float> row)
    {
        switch (activation)
        {
            case MlpActivation.Relu: TensorPrimitives.Max(row, 0f, row); break;
            case MlpActivation.Tanh: TensorPrimitives.Tanh(row, row); break;
            case MlpActivation.LeakyRelu:
                for (var i = 0; i < row.Length; i++) if (row[i] < 0) row[i] *= 0.01f;
                break;
            case MlpActivation.Gelu: Neural.Tensor.GeluForward(row, row); break;
            default: break;
        }
    }
}
