namespace Pipelines.Trainers.Mlp;

/// <summary>
/// One fitted dense layer: y = activation(x W^T + b) with W [Outputs, Inputs] row-major (ONNX Gemm with transB = 1,
/// or MatMul by W^T then Add). Batch normalization, if the network had it, is already folded in.
/// </summary>
public sealed class MlpLayer
{
    public MlpLayer(int inputs, int outputs, float[] weight, float[] bias, MlpActivation activation)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(bias);
        if (inputs < 1 || outputs < 1) throw new ArgumentException($"MlpLayer: sizes must be positive, got {inputs} -> {outputs}.");
        if (weight.Length != inputs * outputs) throw new ArgumentException($"MlpLayer: weight has {weight.Length} values, expected {outputs} x {inputs}.");
        if (bias.Length != outputs) throw new ArgumentException($"MlpLayer: bias has {bias.Length} values, expected {outputs}.");
        Inputs = inputs;
        Outputs = outputs;
        Weight = weight;
        Bias = bias;
        Activation = activation;
    }

    public int Inputs { get; }
    public int Outputs { get; }

    /// <summary>W, [Outputs, Inputs] row-major (the torch.nn.Linear layout).</summary>
    public float[] Weight { get; }

    public float[] Bias { get; }
    public MlpActivation Activation { get; }
}
