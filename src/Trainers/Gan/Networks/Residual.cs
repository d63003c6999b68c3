using Pipelines.Trainers.Neural;
using Pipelines.Trainers.Neural.Modules;

namespace Pipelines.Trainers.Gan.Networks;

/// <summary>CTGAN's generator block: y = [relu(BatchNorm1d(x W^T + b)), x] (the block's output concatenated with its input).</summary>
public sealed class Residual : Module
{
    private readonly Linear linear;
    private readonly BatchNorm1d norm;

    public Residual(int inFeatures, int outFeatures, Generator generator)
    {
        linear = RegisterModule("fc", new Linear(inFeatures, outFeatures, generator));
        norm = RegisterModule("bn", new BatchNorm1d(outFeatures));
        OutFeatures = inFeatures + outFeatures;
    }

    /// <summary>Width of the output: in + out.</summary>
    public int OutFeatures { get; }

    public override Tensor Forward(Tensor input) => Tensor.Concat([norm.Forward(linear.Forward(input)).Relu(), input]);
}
