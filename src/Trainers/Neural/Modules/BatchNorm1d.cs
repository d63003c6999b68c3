namespace Pipelines.Trainers.Neural.Modules;

/// <summary>
/// Batch normalization over the rows of [n, C] (torch.nn.BatchNorm1d): y = (x - mu) / sqrt(var + eps) * gamma + beta.
/// Training uses the batch mean and biased variance and updates running_mean = (1 - momentum) running_mean + momentum mu,
/// running_var likewise with the unbiased variance (n / (n - 1)); evaluation uses the running statistics.
/// </summary>
public sealed class BatchNorm1d : Module
{
    public BatchNorm1d(int features, float eps = 1e-5f, float momentum = 0.1f)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        if (!(eps > 0)) throw new ArgumentOutOfRangeException(nameof(eps), eps, "eps must be positive.");
        if (momentum is < 0 or > 1 || float.IsNaN(momentum)) throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "momentum must be in [0, 1].");
        Features = features;
        Eps = eps;
        Momentum = momentum;
        Gamma = RegisterParameter("weight", Torch.Ones(features));
        Beta = RegisterParameter("bias", Torch.Zeros(features));
        RunningMean = RegisterBuffer("running_mean", Torch.Zeros(features));
        RunningVar = RegisterBuffer("running_var", Torch.Ones(features));
    }

    public int Features { get; }
    public float Eps { get; }
    public float Momentum { get; }
    public Tensor Gamma { get; }
    public Tensor Beta { get; }
    public Tensor RunningMean { get; }
    public Tensor RunningVar { get; }

    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 2 || input.Shape[1] != Features)
            throw new ArgumentException($"BatchNorm1d: expected [n, {Features}], got [{string.Join(", ", input.Shape)}].", nameof(input));
        if (!Training)
        {
            var scale = new float[Features];
            for (var j = 0; j < Features; j++) scale[j] = 1f / MathF.Sqrt(RunningVar.Data[j] + Eps);
            return (input - RunningMean.Detach()) * new Tensor(scale, [Features]) * Gamma + Beta;
        }
        var n = input.Shape[0];
        if (n < 2) throw new ArgumentException("BatchNorm1d: training needs at least 2 rows per batch.", nameof(input));
        var mean = input.Mean(0);
        var centered = input - mean;
        var variance = centered.Square().Mean(0);
        var normalized = centered / (variance + Eps).Sqrt();
        var unbiased = n / (n - 1f);
        for (var j = 0; j < Features; j++)
        {
            RunningMean.Data[j] = (1 - Momentum) * RunningMean.Data[j] + Momentum * mean.Data[j];
            RunningVar.Data[j] = (1 - Momentum) * RunningVar.Data[j] + Momentum * variance.Data[j] * unbiased;
        }
        return normalized * Gamma + Beta;
    }
}
