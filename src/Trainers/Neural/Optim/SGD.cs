using System.Numerics.Tensors;

namespace Pipelines.Trainers.Neural.Optim;

/// <summary>
/// Stochastic gradient descent (torch.optim.SGD): g = grad + wd * p; with momentum mu, b = mu b + g (b = g at the first
/// step), and the step direction is g + mu b (Nesterov) or b; p -= lr * direction.
/// </summary>
public sealed class SGD : Optimizer
{
    private readonly float[][] momentumBuffers;
    private readonly float[] scratch;

    public SGD(IEnumerable<Tensor> parameters, float learningRate, float momentum = 0f, bool nesterov = false, float weightDecay = 0f)
        : base(parameters, learningRate)
    {
        Require(momentum >= 0 && momentum < 1, nameof(momentum), momentum, "a value in [0, 1)");
        Require(weightDecay >= 0 && float.IsFinite(weightDecay), nameof(weightDecay), weightDecay, "a finite value >= 0");
        if (nesterov && momentum == 0) throw new ArgumentException("Nesterov momentum needs momentum > 0.", nameof(nesterov));
        Momentum = momentum;
        Nesterov = nesterov;
        WeightDecay = weightDecay;
        momentumBuffers = StateBuffers();
        scratch = new float[Parameters.Max(p => p.Count)];
    }

    public float Momentum { get; }
    public bool Nesterov { get; }
    public float WeightDecay { get; }

    protected override void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient)
    {
        var g = scratch.AsSpan(0, parameter.Length);
        TensorPrimitives.MultiplyAdd(parameter, WeightDecay, gradient, g);
        if (Momentum > 0)
        {
            var b = momentumBuffers[index].AsSpan();
            if (StepCount == 1) g.CopyTo(b);
            else TensorPrimitives.MultiplyAdd(b, Momentum, g, b);
            if (Nesterov) TensorPrimitives.MultiplyAdd(b, Momentum, g, g);
            else b.CopyTo(g);
        }
        TensorPrimitives.MultiplyAdd(g, -LearningRate, parameter, parameter);
    }
}
