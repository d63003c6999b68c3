using Pipelines.Trainers.Mlp;
using Pipelines.Trainers.Neural;
using Pipelines.Trainers.Neural.Modules;

namespace Pipelines.Trainers.Compression;

/// <summary>A dense layer whose forward pass uses fake-quantized int8 weights: y = x (fq(W))^T + b (float bias).</summary>
internal sealed class FakeQuantLinear : Module
{
    public FakeQuantLinear(MlpLayer layer)
    {
        Weight = RegisterParameter("weight", new Tensor([.. layer.Weight], [layer.Outputs, layer.Inputs]));
        Bias = RegisterParameter("bias", new Tensor([.. layer.Bias], [layer.Outputs]));
    }

    public Tensor Weight { get; }
    public Tensor Bias { get; }

    public override Tensor Forward(Tensor input) => input.Linear(FakeQuantize.Weights(Weight), Bias);
}

/// <summary>
/// Fake-quantizes an activation tensor to uint8. In training mode it first updates its observed range from the batch,
/// as an exponential moving average with <c>momentum</c> (the first batch sets it; PyTorch's
/// MovingAverageMinMaxObserver); in evaluation mode it uses the stored range.
/// </summary>
internal sealed class ActivationFakeQuant(float momentum) : Module
{
    private bool observed;

    public float Min { get; private set; }
    public float Max { get; private set; }

    public ActivationRange Range
    {
        get
        {
            var (scale, zero) = FakeQuantize.ActivationParameters(Min, Max);
            return new ActivationRange(Min, Max, scale, zero);
        }
    }

    public override Tensor Forward(Tensor input)
    {
        if (Training)
        {
            var min = System.Numerics.Tensors.TensorPrimitives.Min(input.Data);
            var max = System.Numerics.Tensors.TensorPrimitives.Max(input.Data);
            Min = observed ? Min + momentum * (min - Min) : min;
            Max = observed ? Max + momentum * (max - Max) : max;
            observed = true;
        }
        var (scale, zeroPoint) = FakeQuantize.ActivationParameters(Min, Max);
        return FakeQuantize.Activations(input, scale, zeroPoint);
    }
}
