namespace Pipelines.Trainers.Neural.Modules;

/// <summary>
/// Layer normalization over the last dimension of [n, C] (torch.nn.LayerNorm(C)):
/// y = (x - mean_row) / sqrt(var_row + eps) * gamma + beta, with the biased variance of each row.
/// </summary>
public sealed class LayerNorm : Module
{
    public LayerNorm(int features, float eps = 1e-5f)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        Features = features;
        Eps = eps;
        Gamma = RegisterParameter("weight", Torch.Ones(features));
        Beta = RegisterParameter("bias", Torch.Zeros(features));
    }

    public int Features { get; }
    public float Eps { get; }
    public Tensor Gamma { get; }
    public Tensor Beta { get; }

    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 2 || input.Shape[1] != Features)
            throw new ArgumentException($"LayerNorm: expected [n, {Features}], got [{string.Join(", ", input.Shape)}].", nameof(input));
        var centered = input - input.Mean(1, keepDim: true);
        var variance = centered.Square().Mean(1, keepDim: true);
        return centered / (variance + Eps).Sqrt() * Gamma + Beta;
    }
}
