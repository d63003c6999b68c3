namespace Pipelines.Trainers.Neural.Modules;

/// <summary>
/// y = x W^T + b with W [out, in], b [out] (torch.nn.Linear). Initialization as PyTorch's reset_parameters:
/// W ~ U(-1/sqrt(in), 1/sqrt(in)) (Kaiming-uniform with a = sqrt 5) and b ~ U(-1/sqrt(in), 1/sqrt(in)), from the seeded generator.
/// </summary>
public sealed class Linear : Module
{
    public Linear(int inFeatures, int outFeatures, Generator generator, bool bias = true)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentOutOfRangeException.ThrowIfLessThan(inFeatures, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outFeatures, 1);
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        var bound = 1f / MathF.Sqrt(inFeatures);
        Weight = RegisterParameter("weight", Torch.Uniform(generator, -bound, bound, outFeatures, inFeatures));
        Bias = bias ? RegisterParameter("bias", Torch.Uniform(generator, -bound, bound, outFeatures)) : null;
    }

    public int InFeatures { get; }
    public int OutFeatures { get; }
    public Tensor Weight { get; }
    public Tensor? Bias { get; }

    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Linear(Weight, Bias);
    }
}
