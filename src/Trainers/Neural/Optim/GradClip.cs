using System.Numerics.Tensors;

namespace Pipelines.Trainers.Neural.Optim;

/// <summary>Gradient clipping (torch.nn.utils.clip_grad_norm_).</summary>
public static class GradClip
{
    /// <summary>
    /// Total norm = sqrt(sum over parameters of ||grad||^2); if it exceeds <paramref name="maxNorm"/>, every gradient is
    /// scaled by maxNorm / (total + 1e-6). Returns the total norm before clipping (NaN if a gradient holds NaN).
    /// </summary>
    public static float ClipGradNorm(IEnumerable<Tensor> parameters, float maxNorm)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(maxNorm > 0)) throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, "maxNorm must be positive.");
        var list = parameters.Where(p => p.Grad is not null).ToList();
        double squares = 0;
        foreach (var p in list) squares += TensorPrimitives.SumOfSquares(p.Grad!);
        var total = (float)Math.Sqrt(squares);
        if (total > maxNorm)
        {
            var scale = maxNorm / (total + 1e-6f);
            foreach (var p in list) TensorPrimitives.Multiply(p.Grad!, scale, p.Grad!);
        }
        return total;
    }
}
