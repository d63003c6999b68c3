using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Trainers.Mlp;

namespace Pipelines.Trainers.Compression;

/// <summary>
/// Low-rank factorization of dense layers (Denton et al. 2014; Sainath et al. 2013): each W [out, in] is replaced by its
/// truncated SVD W ~ U_r S_r V_r^T, written as two layers: x -> x (S_r^1/2 V_r^T)^T with no activation and no bias (rank r
/// wide), then -> (U_r S_r^1/2) with the original bias and activation; then the network is fine-tuned. The rank is
/// <see cref="Rank"/> when set (at most min(out, in)), else the smallest r whose singular values keep
/// <see cref="EnergyFraction"/> of sum s_i^2. A layer is left whole when factoring would not make it smaller
/// (r (in + out) &gt;= in out), so the result never has more parameters. The result is an ordinary <see cref="MlpModel"/>
/// whose bottleneck layers have <see cref="MlpActivation.Identity"/>.
/// </summary>
public sealed record LowRankFactorization : MlpCompression
{
    /// <summary>A fixed rank for every layer; null chooses it by <see cref="EnergyFraction"/>.</summary>
    public int? Rank { get; init; }

    /// <summary>Share of the squared singular values kept when <see cref="Rank"/> is null, in (0, 1].</summary>
    public double EnergyFraction { get; init; } = 0.9;

    /// <inheritdoc/>
    protected override string Method => Rank is { } r ? $"low-rank (rank {r})" : $"low-rank ({EnergyFraction:P0} energy)";

    /// <inheritdoc/>
    protected override void ValidateOptions(string stepName)
    {
        if (Rank is < 1) ThrowHelper.BadOption(stepName, nameof(Rank), Rank, "null or at least 1");
        if (!(EnergyFraction > 0 && EnergyFraction <= 1)) ThrowHelper.BadOption(stepName, nameof(EnergyFraction), EnergyFraction, "a share in (0, 1]");
    }

    private protected override (MlpModel, IReadOnlyList<ActivationRange>?, double?) Run(MlpModel model, MlpTrainingRows rows, DataFrame test)
    {
        var layers = new List<MlpLayer>();
        foreach (var layer in model.Layers)
        {
            var (u, s, vt) = TruncatedSvd.Decompose(layer.Weight, layer.Outputs, layer.Inputs);
            var rank = Math.Min(Rank ?? EnergyRank(s, EnergyFraction), s.Length);
            if ((long)rank * (layer.Inputs + layer.Outputs) >= (long)layer.Inputs * layer.Outputs)
            {
                layers.Add(layer);
                continue;
            }
            var (first, second) = Factor(layer, u, s, vt, rank);
            layers.Add(first);
            layers.Add(second);
        }
        var network = MlpRetraining.WithLayers(model, layers).ToModule();
        MlpRetraining.Train(network, network.Parameters(), rows, model.Task, Settings(FineTuneEpochs));
        return (MlpRetraining.WithLayers(model, MlpNetwork.Export(network)), null, null);
    }

    /// <summary>The smallest r with sum_(i&lt;r) s_i^2 &gt;= fraction * sum s_i^2 (at least 1).</summary>
    internal static int EnergyRank(double[] s, double fraction)
    {
        var total = s.Sum(v => v * v);
        double kept = 0;
        for (var r = 0; r < s.Length; r++)
        {
            kept += s[r] * s[r];
            if (kept >= fraction * total * (1 - 1e-12)) return r + 1;
        }
        return s.Length;
    }

    /// <summary>The two layers of the rank-<paramref name="rank"/> factorization of <paramref name="layer"/>.</summary>
    internal static (MlpLayer First, MlpLayer Second) Factor(MlpLayer layer, int rank)
    {
        var (u, s, vt) = TruncatedSvd.Decompose(layer.Weight, layer.Outputs, layer.Inputs);
        return Factor(layer, u, s, vt, Math.Min(rank, s.Length));
    }

    private static (MlpLayer, MlpLayer) Factor(MlpLayer layer, double[] u, double[] s, double[] vt, int rank)
    {
        int n = layer.Inputs, m = layer.Outputs, k = s.Length;
        var a = new float[rank * n];
        var b = new float[m * rank];
        for (var r = 0; r < rank; r++)
        {
            var root = Math.Sqrt(s[r]);
            for (var c = 0; c < n; c++) a[r * n + c] = (float)(root * vt[r * n + c]);
            for (var o = 0; o < m; o++) b[o * rank + r] = (float)(u[o * k + r] * root);
        }
        return (new MlpLayer(n, rank, a, new float[rank], MlpActivation.Identity), new MlpLayer(rank, m, b, [.. layer.Bias], layer.Activation));
    }
}
