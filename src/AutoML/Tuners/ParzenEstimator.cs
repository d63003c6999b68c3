namespace Pipelines.AutoML.Tuners;

/// <summary>
/// A one-dimensional Parzen (kernel) density on [0, 1] for TPE, from observed unit values plus a prior.
/// <list type="bullet">
/// <item>Continuous: a mixture of Gaussians truncated to [0, 1], one per observation μ_i with weight 1 and a prior
/// component N(0.5, 1) with weight <c>priorWeight</c>. Bandwidth σ_i (Bergstra et al. 2011): the larger distance from
/// μ_i to its neighbours in sorted order (prior and the ends 0, 1 included), clipped to [1/min(100, n + 1), 1].</item>
/// <item>Discrete (L levels): p(level) ∝ count + priorWeight / L.</item>
/// </list>
/// </summary>
internal sealed class ParzenEstimator
{
    private readonly double[] _mu = [];
    private readonly double[] _sigma = [];
    private readonly double[] _weight;
    private readonly double[] _mass = [];
    private readonly int? _levels;
    private readonly double _total;

    public ParzenEstimator(IReadOnlyList<double> values, int? levels, Func<double, int> levelOf, double priorWeight)
    {
        _levels = levels;
        if (levels is int l)
        {
            _weight = new double[l];
            for (var k = 0; k < l; k++) _weight[k] = priorWeight / l;
            foreach (var v in values) _weight[levelOf(v)] += 1;
            _total = _weight.Sum();
            return;
        }
        var n = values.Count;
        _mu = [.. values, 0.5];
        _sigma = new double[n + 1];
        _weight = [.. Enumerable.Repeat(1.0, n), priorWeight];
        var order = Enumerable.Range(0, n + 1).OrderBy(i => _mu[i]).ToArray();
        var minimum = 1.0 / Math.Min(100, n + 1);
        for (var r = 0; r < order.Length; r++)
        {
            var i = order[r];
            var left = r > 0 ? _mu[i] - _mu[order[r - 1]] : _mu[i];
            var right = r < order.Length - 1 ? _mu[order[r + 1]] - _mu[i] : 1 - _mu[i];
            _sigma[i] = Math.Clamp(Math.Max(left, right), minimum, 1.0);
        }
        _sigma[n] = 1.0;
        _mass = new double[n + 1];
        for (var i = 0; i <= n; i++) _mass[i] = Math.Max(Phi((1 - _mu[i]) / _sigma[i]) - Phi(-_mu[i] / _sigma[i]), 1e-12);
        _total = _weight.Sum();
    }

    /// <summary>A draw: a level index for discrete estimators, a unit value otherwise.</summary>
    public double Sample(Random random)
    {
        var pick = random.NextDouble() * _total;
        var c = 0;
        while (c < _weight.Length - 1 && (pick -= _weight[c]) > 0) c++;
        if (_levels is not null) return c;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var x = _mu[c] + _sigma[c] * UnitSphere.StandardNormal(random);
            if (x is >= 0 and <= 1) return x;
        }
        return Math.Clamp(_mu[c], 0, 1);
    }

    /// <summary>log density at <paramref name="x"/> (a level index for discrete estimators).</summary>
    public double LogDensity(double x)
    {
        if (_levels is not null) return Math.Log(_weight[(int)x] / _total);
        var density = 0.0;
        for (var i = 0; i < _mu.Length; i++)
        {
            var z = (x - _mu[i]) / _sigma[i];
            density += _weight[i] * Math.Exp(-0.5 * z * z) / (_sigma[i] * Math.Sqrt(2 * Math.PI) * _mass[i]);
        }
        return Math.Log(Math.Max(density / _total, 1e-300));
    }

    /// <summary>Standard normal CDF via erfc (Abramowitz and Stegun 7.1.26 on |z|/√2, error below 1.5e-7).</summary>
    internal static double Phi(double z)
    {
        var x = Math.Abs(z) / Math.Sqrt(2);
        var t = 1 / (1 + 0.3275911 * x);
        var erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.Exp(-x * x);
        return z >= 0 ? 1 - erfc / 2 : erfc / 2;
    }
}
