using System.Numerics.Tensors;

namespace Pipelines.Trainers.Optimization;

/// <summary>
/// The limited-memory inverse-Hessian approximation H_k of L-BFGS (Nocedal &amp; Wright, Numerical Optimization, 2nd ed.,
/// algorithm 7.4): the last m pairs s_i = x_i+1 - x_i, y_i = g_i+1 - g_i, applied to a vector with the two-loop recursion,
/// starting from H_0 = γ I with γ = s·y / y·y of the newest pair. Pairs with s·y ≤ ε·|s|·|y| (no positive curvature) are
/// skipped so H_k stays positive definite.
/// </summary>
internal sealed class LbfgsMemory
{
    private readonly double[][] s;
    private readonly double[][] y;
    private readonly double[] rho;
    private readonly double[] alpha;
    private int count;
    private int newest = -1;

    public LbfgsMemory(int dimension, int memory)
    {
        s = new double[memory][];
        y = new double[memory][];
        for (var i = 0; i < memory; i++)
        {
            s[i] = new double[dimension];
            y[i] = new double[dimension];
        }
        rho = new double[memory];
        alpha = new double[memory];
    }

    /// <summary>Stores the pair (s, y) unless its curvature s·y is not clearly positive. Returns whether it was kept.</summary>
    public bool Push(ReadOnlySpan<double> step, ReadOnlySpan<double> gradientChange)
    {
        var sy = TensorPrimitives.Dot(step, gradientChange);
        var scale = TensorPrimitives.Norm(step) * TensorPrimitives.Norm(gradientChange);
        if (!(sy > 1e-12 * scale) || !double.IsFinite(sy)) return false;
        newest = (newest + 1) % s.Length;
        step.CopyTo(s[newest]);
        gradientChange.CopyTo(y[newest]);
        rho[newest] = 1.0 / sy;
        count = Math.Min(count + 1, s.Length);
        return true;
    }

    /// <summary>Forgets every pair (H becomes the identity).</summary>
    public void Clear()
    {
        count = 0;
        newest = -1;
    }

    /// <summary>Overwrites <paramref name="q"/> (holding a gradient g) with H·g by the two-loop recursion.</summary>
    public void Apply(Span<double> q)
    {
        var m = s.Length;
        for (var k = 0; k < count; k++)
        {
            var i = (newest - k + m) % m;
            alpha[i] = rho[i] * TensorPrimitives.Dot(s[i], q);
            TensorPrimitives.MultiplyAdd(y[i], -alpha[i], q, q);
        }
        if (count > 0)
        {
            var yy = TensorPrimitives.Dot(y[newest], y[newest]);
            TensorPrimitives.Multiply(q, 1.0 / (rho[newest] * yy), q);
        }
        for (var k = count - 1; k >= 0; k--)
        {
            var i = (newest - k + m) % m;
            var beta = rho[i] * TensorPrimitives.Dot(y[i], q);
            TensorPrimitives.MultiplyAdd(s[i], alpha[i] - beta, q, q);
        }
    }
}
