namespace Pipelines.Trainers.Neural;

/// <summary>Factories and scopes in the shape of the <c>torch</c> module (<c>torch.zeros</c>, <c>torch.no_grad()</c>, ...).</summary>
public static class Torch
{
    /// <summary>A scope in which operations record nothing: <c>using (Torch.NoGrad()) { ... }</c>.</summary>
    public static NoGradScope NoGrad() => new();

    /// <summary>A tensor over a copy of <paramref name="values"/> with <paramref name="shape"/>.</summary>
    public static Tensor Tensor(ReadOnlySpan<float> values, int[] shape, bool requiresGrad = false) => new(values.ToArray(), shape, requiresGrad);

    /// <summary>A one-element tensor of rank 0.</summary>
    public static Tensor Scalar(float value) => new([value], []);

    public static Tensor Zeros(params int[] shape) => new(new float[Count(shape)], shape);

    public static Tensor Ones(params int[] shape) => Full(1f, shape);

    public static Tensor Full(float value, params int[] shape)
    {
        var data = new float[Count(shape)];
        Array.Fill(data, value);
        return new(data, shape);
    }

    /// <summary>Uniform values in [low, high).</summary>
    public static Tensor Uniform(Generator generator, float low, float high, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var data = new float[Count(shape)];
        for (var i = 0; i < data.Length; i++) data[i] = generator.Uniform(low, high);
        return new(data, shape);
    }

    /// <summary>Standard normal values (torch.randn).</summary>
    public static Tensor Randn(Generator generator, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var data = new float[Count(shape)];
        for (var i = 0; i < data.Length; i++) data[i] = generator.Normal();
        return new(data, shape);
    }

    private static int Count(int[] shape)
    {
        var count = 1;
        foreach (var s in shape) count *= s;
        return count;
    }
}
