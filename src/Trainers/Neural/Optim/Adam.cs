using System.Numerics;
using System.Runtime.InteropServices;

namespace Pipelines.Trainers.Neural.Optim;

/// <summary>
/// Adam (Kingma and Ba 2015; torch.optim.Adam): g = grad + wd * p (L2 penalty in the gradient);
/// m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2; p -= lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps).
/// </summary>
public class Adam : Optimizer
{
    private readonly float[][] first;
    private readonly float[][] second;

    public Adam(IEnumerable<Tensor> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float eps = 1e-8f, float weightDecay = 0f)
        : base(parameters, learningRate)
    {
        Require(beta1 >= 0 && beta1 < 1, nameof(beta1), beta1, "a value in [0, 1)");
        Require(beta2 >= 0 && beta2 < 1, nameof(beta2), beta2, "a value in [0, 1)");
        Require(eps > 0 && float.IsFinite(eps), nameof(eps), eps, "a finite value > 0");
        Require(weightDecay >= 0 && float.IsFinite(weightDecay), nameof(weightDecay), weightDecay, "a finite value >= 0");
        Beta1 = beta1;
        Beta2 = beta2;
        Eps = eps;
        WeightDecay = weightDecay;
        first = StateBuffers();
        second = StateBuffers();
    }

    public float Beta1 { get; }
    public float Beta2 { get; }
    public float Eps { get; }
    public float WeightDecay { get; }

    /// <summary>Whether weight decay shrinks the parameters directly (AdamW) instead of entering the gradient.</summary>
    protected virtual bool DecoupledWeightDecay => false;

    protected sealed override void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient)
    {
        var m = first[index];
        var v = second[index];
        var lr = LearningRate;
        var correction1 = 1 - MathF.Pow(Beta1, StepCount);
        var correction2 = 1 - MathF.Pow(Beta2, StepCount);
        var stepSize = lr / correction1;
        var decay = DecoupledWeightDecay ? 1 - lr * WeightDecay : 1f;
        var l2 = DecoupledWeightDecay ? 0f : WeightDecay;
        float keep1 = Beta1, take1 = 1 - Beta1, keep2 = Beta2, take2 = 1 - Beta2, eps = Eps;
        // One pass over the five arrays, in vectors: the same operations in the same order as the scalar tail, so every
        // value is rounded as it would be one at a time.
        var i = 0;
        if (Vector.IsHardwareAccelerated && parameter.Length >= Vector<float>.Count)
        {
            var width = Vector<float>.Count;
            var stateM = MemoryMarshal.Cast<float, Vector<float>>(m.AsSpan(0, parameter.Length - parameter.Length % width));
            var stateV = MemoryMarshal.Cast<float, Vector<float>>(v.AsSpan(0, stateM.Length * width));
            var values = MemoryMarshal.Cast<float, Vector<float>>(parameter[..(stateM.Length * width)]);
            var grads = MemoryMarshal.Cast<float, Vector<float>>(gradient[..(stateM.Length * width)]);
            for (var j = 0; j < stateM.Length; j++)
            {
                var g = grads[j] + l2 * values[j];
                var mj = stateM[j] = keep1 * stateM[j] + take1 * g;
                var vj = stateV[j] = keep2 * stateV[j] + take2 * g * g;
                var denominator = Vector.SquareRoot(vj / correction2) + new Vector<float>(eps);
                values[j] = values[j] * decay - stepSize * mj / denominator;
            }
            i = stateM.Length * width;
        }
        for (; i < parameter.Length; i++)
        {
            var g = gradient[i] + l2 * parameter[i];
            m[i] = keep1 * m[i] + take1 * g;
            v[i] = keep2 * v[i] + take2 * g * g;
            var denominator = MathF.Sqrt(v[i] / correction2) + eps;
            parameter[i] = parameter[i] * decay - stepSize * m[i] / denominator;
        }
    }
}

/// <summary>
/// AdamW (Loshchilov and Hutter 2019; torch.optim.AdamW): Adam without the L2 term in the gradient, and the decay
/// applied directly: p = p (1 - lr * wd) before the Adam step. Default wd = 0.01 as PyTorch.
/// </summary>
public sealed class AdamW(IEnumerable<Tensor> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float eps = 1e-8f, float weightDecay = 0.01f)
    : Adam(parameters, learningRate, beta1, beta2, eps, weightDecay)
{
    protected override bool DecoupledWeightDecay => true;
}
