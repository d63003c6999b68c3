namespace Pipelines.Trainers.Gan.Transform;

/// <summary>
/// A one-dimensional Gaussian mixture p(x) = sum_k w_k N(x | mu_k, sigma_k^2), fitted by expectation-maximization.
/// The CTGAN paper fits a variational Bayesian mixture and keeps the modes it does not switch off; here a plain EM
/// mixture with at most <c>maxModes</c> components (initialized at evenly spaced quantiles of the distinct values) is
/// fitted and modes whose weight ends below <c>minWeight</c> (0.005) are pruned and the rest renormalized. sigma_k is
/// floored at 1e-3 of the column's standard deviation (or 1e-6 for a constant column), so a mode holding a single
/// repeated value stays usable.
/// </summary>
public sealed class GaussianMixture1d
{
    private GaussianMixture1d(double[] weights, double[] means, double[] stds)
    {
        Weights = weights;
        Means = means;
        Stds = stds;
    }

    /// <summary>Mode weights w_k, summing to 1.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>Mode means mu_k.</summary>
    public IReadOnlyList<double> Means { get; }

    /// <summary>Mode standard deviations sigma_k (at least the floor).</summary>
    public IReadOnlyList<double> Stds { get; }

    /// <summary>Number of modes K.</summary>
    public int Count => Weights.Count;

    /// <summary>Builds a mixture from known parameters (tests, persistence).</summary>
    public static GaussianMixture1d FromParameters(double[] weights, double[] means, double[] stds)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(stds);
        if (weights.Length == 0 || weights.Length != means.Length || weights.Length != stds.Length)
            throw new ArgumentException("GaussianMixture1d: weights, means and stds need the same, non-zero length.", nameof(weights));
        return new([.. weights], [.. means], [.. stds]);
    }

    /// <summary>
    /// Fits the mixture to the finite <paramref name="values"/> (at least one) with up to <paramref name="maxModes"/>
    /// modes and at most <paramref name="maxIterations"/> EM steps (stopping when the mean log-likelihood gains less than 1e-6).
    /// </summary>
    public static GaussianMixture1d Fit(ReadOnlySpan<double> values, int maxModes = 10, double minWeight = 0.005, int maxIterations = 100)
    {
        if (values.IsEmpty) throw new ArgumentException("GaussianMixture1d: needs at least one value.", nameof(values));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxModes, 1);
        var n = values.Length;
        double mean = 0, sq = 0;
        foreach (var v in values) mean += v;
        mean /= n;
        foreach (var v in values) sq += (v - mean) * (v - mean);
        var std = Math.Sqrt(sq / n);
        var floor = std > 0 ? 1e-3 * std : 1e-6;
        var distinct = values.ToArray();
        Array.Sort(distinct);
        distinct = [.. distinct.Distinct()];
        var k = Math.Min(maxModes, distinct.Length);
        var means = new double[k];
        for (var j = 0; j < k; j++) means[j] = distinct[(int)((j + 0.5) * distinct.Length / k)];
        var stds = new double[k];
        Array.Fill(stds, Math.Max(std / k, floor));
        var weights = new double[k];
        Array.Fill(weights, 1.0 / k);
        var resp = new double[n * k];
        var previous = double.NegativeInfinity;
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var logLikelihood = EStep(values, weights, means, stds, resp);
            MStep(values, resp, weights, means, stds, floor);
            if (logLikelihood - previous < 1e-6 * n) break;
            previous = logLikelihood;
        }
        var keep = Enumerable.Range(0, k).Where(j => weights[j] >= minWeight).ToArray();
        if (keep.Length == 0) keep = [Array.IndexOf(weights, weights.Max())];
        var total = keep.Sum(j => weights[j]);
        return new([.. keep.Select(j => weights[j] / total)], [.. keep.Select(j => means[j])], [.. keep.Select(j => stds[j])]);
    }

    /// <summary>Fills <paramref name="posterior"/> (length K) with P(mode k | x) = w_k N(x | mu_k, sigma_k) / sum_j w_j N(x | mu_j, sigma_j).</summary>
    public void Posterior(double x, Span<double> posterior)
    {
        var max = double.NegativeInfinity;
        for (var j = 0; j < Count; j++)
        {
            posterior[j] = LogDensity(x, Weights[j], Means[j], Stds[j]);
            max = Math.Max(max, posterior[j]);
        }
        double sum = 0;
        for (var j = 0; j < Count; j++) sum += posterior[j] = Math.Exp(posterior[j] - max);
        for (var j = 0; j < Count; j++) posterior[j] /= sum;
    }

    private static double LogDensity(double x, double w, double mu, double sigma)
    {
        var z = (x - mu) / sigma;
        return Math.Log(w) - Math.Log(sigma) - 0.5 * z * z - 0.9189385332046727;
    }

    private static double EStep(ReadOnlySpan<double> values, double[] weights, double[] means, double[] stds, double[] resp)
    {
        var k = weights.Length;
        double total = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var row = resp.AsSpan(i * k, k);
            var max = double.NegativeInfinity;
            for (var j = 0; j < k; j++)
            {
                row[j] = weights[j] > 0 ? LogDensity(values[i], weights[j], means[j], stds[j]) : double.NegativeInfinity;
                max = Math.Max(max, row[j]);
            }
            double sum = 0;
            for (var j = 0; j < k; j++) sum += row[j] = Math.Exp(row[j] - max);
            for (var j = 0; j < k; j++) row[j] /= sum;
            total += max + Math.Log(sum);
        }
        return total;
    }

    private static void MStep(ReadOnlySpan<double> values, double[] resp, double[] weights, double[] means, double[] stds, double floor)
    {
        var k = weights.Length;
        var n = values.Length;
        for (var j = 0; j < k; j++)
        {
            double mass = 0, sum = 0;
            for (var i = 0; i < n; i++)
            {
                mass += resp[i * k + j];
                sum += resp[i * k + j] * values[i];
            }
            weights[j] = mass / n;
            if (mass < 1e-12) continue;
            var mu = sum / mass;
            double sq = 0;
            for (var i = 0; i < n; i++) sq += resp[i * k + j] * (values[i] - mu) * (values[i] - mu);
            means[j] = mu;
            stds[j] = Math.Max(Math.Sqrt(sq / mass), floor);
        }
    }
}
