using Pipelines.Trainers.Neural;
using Pipelines.Trainers.Neural.Modules;

namespace Pipelines.Trainers.Gan.Networks;

/// <summary>
/// CTGAN's critic with PacGAN packing (Lin et al. 2018): the rows of a batch [n, d] are packed in groups of
/// <see cref="Pac"/> consecutive rows into [n / pac, pac * d]; then hidden layers h = dropout(leaky_relu(x W^T + b, 0.2), p)
/// and a final linear layer to one score per pack.
/// <para>
/// The WGAN-GP penalty (Gulrajani et al. 2017) needs d(score)/d(input) as a function of the weights, and its gradient.
/// The engine has no double-backward, so <see cref="GradientPenalty"/> builds the input gradient explicitly from
/// differentiable operations: for this network, d(score)/dx = (((1 W_L) ⊙ D_{L-1}) W_{L-1} ... ⊙ D_0) W_0, where W_L is the
/// output layer's weight row and D_l holds, per value, the dropout mask (0 or 1/(1-p)) times the leaky-ReLU slope (1 where the
/// pre-activation is positive, else 0.2). D_l is piecewise constant in the weights (its derivative is 0 almost everywhere), so
/// back-propagating through this expression gives exactly the penalty gradient that PyTorch's create_graph=True computes;
/// it is not an approximation. It relies on every activation being piecewise linear.
/// </para>
/// </summary>
public sealed class PacCritic : Module
{
    private const float Slope = 0.2f;
    private readonly Linear[] hidden;
    private readonly Linear output;
    private readonly Generator generator;

    public PacCritic(int inputDim, IReadOnlyList<int> hiddenDims, int pac, float dropout, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(hiddenDims);
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentOutOfRangeException.ThrowIfLessThan(pac, 1);
        if (dropout is < 0 or >= 1 || float.IsNaN(dropout)) throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "Dropout must be in [0, 1).");
        Pac = pac;
        Dropout = dropout;
        this.generator = generator;
        var width = inputDim * pac;
        hidden = new Linear[hiddenDims.Count];
        for (var i = 0; i < hidden.Length; i++)
        {
            hidden[i] = RegisterModule(i.ToString(System.Globalization.CultureInfo.InvariantCulture), new Linear(width, hiddenDims[i], generator));
            width = hiddenDims[i];
        }
        output = RegisterModule("out", new Linear(width, 1, generator));
    }

    /// <summary>Rows per pack.</summary>
    public int Pac { get; }

    /// <summary>Dropout probability of the hidden layers (while training).</summary>
    public float Dropout { get; }

    /// <summary>One score per pack, [n / pac, 1]; n must be a multiple of <see cref="Pac"/>.</summary>
    public override Tensor Forward(Tensor input) => Run(input, null);

    /// <summary>
    /// lambda * mean over packs of (||d score / d x||_2 - 1)^2 at the packed rows x = <paramref name="points"/> (constants,
    /// typically interpolates between real and generated rows); differentiable in the critic's weights (see the class notes).
    /// </summary>
    public Tensor GradientPenalty(Tensor points, float lambda)
    {
        ArgumentNullException.ThrowIfNull(points);
        var slopes = new List<Tensor>(hidden.Length);
        Run(points.Detach(), slopes);
        var packs = points.Rows / Pac;
        var g = Torch.Ones(packs, 1).MatMul(output.Weight);
        for (var l = hidden.Length - 1; l >= 0; l--) g = (g * slopes[l]).MatMul(hidden[l].Weight);
        var norm = (g.Square().Sum(1) + 1e-12f).Sqrt();
        return (norm - 1f).Square().Mean() * lambda;
    }

    /// <summary>The forward pass; when <paramref name="slopes"/> is given, each hidden layer's D_l (mask times slope) is added to it.</summary>
    private Tensor Run(Tensor input, List<Tensor>? slopes)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 2 || input.Rows % Pac != 0)
            throw new ArgumentException($"PacCritic: needs [n, d] with n a multiple of pac = {Pac}, got [{string.Join(", ", input.Shape)}].", nameof(input));
        var x = input.Reshape(input.Rows / Pac, input.Cols * Pac);
        foreach (var layer in hidden)
        {
            var z = layer.Forward(x);
            var d = TensorArena.Take(z.Count);
            var keep = Training && Dropout > 0 ? 1f / (1f - Dropout) : 1f;
            for (var i = 0; i < d.Length; i++)
            {
                var mask = Training && Dropout > 0 && generator.NextFloat() < Dropout ? 0f : keep;
                d[i] = mask * (z.Data[i] > 0 ? 1f : Slope);
            }
            var factor = new Tensor(d, z.Shape);
            slopes?.Add(factor);
            x = z * factor;
        }
        return output.Forward(x);
    }
}
