namespace Pipelines.Trainers.Neural.Modules;

/// <summary>max(x, 0).</summary>
public sealed class ReLU : Module
{
    public override Tensor Forward(Tensor input) => input.Relu();
}

/// <summary>x for x &gt; 0, else slope * x.</summary>
public sealed class LeakyReLU(float negativeSlope = 0.01f) : Module
{
    public float NegativeSlope { get; } = negativeSlope;

    public override Tensor Forward(Tensor input) => input.LeakyRelu(NegativeSlope);
}

/// <summary>GELU, tanh approximation (see <see cref="Tensor.Gelu"/>).</summary>
public sealed class GELU : Module
{
    public override Tensor Forward(Tensor input) => input.Gelu();
}

/// <summary>tanh x.</summary>
public sealed class Tanh : Module
{
    public override Tensor Forward(Tensor input) => input.Tanh();
}

/// <summary>1 / (1 + e^-x).</summary>
public sealed class Sigmoid : Module
{
    public override Tensor Forward(Tensor input) => input.Sigmoid();
}

/// <summary>Inverted dropout with probability p while training; the identity in evaluation mode.</summary>
public sealed class Dropout : Module
{
    private readonly Generator generator;

    public Dropout(float p, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (p is < 0 or >= 1 || float.IsNaN(p)) throw new ArgumentOutOfRangeException(nameof(p), p, "Dropout probability must be in [0, 1).");
        P = p;
        this.generator = generator;
    }

    public float P { get; }

    public override Tensor Forward(Tensor input) => input.Dropout(P, Training, generator);
}
