using Pipelines.Trainers.Neural;

namespace Pipelines.Trainers.Tests.Neural;

/// <summary>
/// Central finite differences against autograd. The scalar checked is L = sum_ij f(x)_ij R_ij with a fixed random R, so
/// every output element matters; L is summed in double from the float outputs. With eps = 1e-2 the truncation error
/// is O(eps^2) and float rounding contributes about 1e-7 / eps, so |analytic - numeric| &lt;= 2e-3 + 2e-2 |numeric|.
/// </summary>
internal static class GradCheck
{
    public static void Check(Func<Tensor[], Tensor> f, params Tensor[] inputs) => Check(f, 1e-2f, inputs);

    public static void Check(Func<Tensor[], Tensor> f, float eps, params Tensor[] inputs)
    {
        foreach (var x in inputs)
        {
            x.RequiresGrad = true;
            x.Grad = null;
        }
        var output = f(inputs);
        var generator = new Generator(99);
        var r = Torch.Randn(generator, output.Shape);
        var loss = (output * r).Sum();
        loss.Backward();
        for (var t = 0; t < inputs.Length; t++)
        {
            var x = inputs[t];
            Assert.IsNotNull(x.Grad, $"input {t} got no gradient");
            for (var i = 0; i < x.Count; i++)
            {
                var saved = x.Data[i];
                x.Data[i] = saved + eps;
                var plus = Evaluate(f, inputs, r);
                x.Data[i] = saved - eps;
                var minus = Evaluate(f, inputs, r);
                x.Data[i] = saved;
                var numeric = (plus - minus) / (2 * eps);
                var analytic = x.Grad![i];
                Assert.IsTrue(Math.Abs(analytic - numeric) <= 2e-3 + 2e-2 * Math.Abs(numeric),
                    $"input {t} element {i}: autograd {analytic}, finite differences {numeric}");
            }
        }
    }

    private static double Evaluate(Func<Tensor[], Tensor> f, Tensor[] inputs, Tensor r)
    {
        using var _ = Torch.NoGrad();
        var y = f(inputs);
        double sum = 0;
        for (var i = 0; i < y.Count; i++) sum += (double)y.Data[i] * r.Data[i];
        return sum;
    }

    /// <summary>Normal values with seed <paramref name="seed"/>, nudged away from 0 by at least <paramref name="margin"/>
    /// (for kinks such as relu at 0).</summary>
    public static Tensor Random(int seed, int[] shape, float margin = 0f, float shift = 0f)
    {
        var t = Torch.Randn(new Generator(seed), shape);
        for (var i = 0; i < t.Count; i++)
        {
            var v = t.Data[i];
            if (MathF.Abs(v) < margin) v = v < 0 ? -margin : margin;
            t.Data[i] = v + shift;
        }
        return t;
    }
}
