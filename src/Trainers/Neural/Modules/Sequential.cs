namespace Pipelines.Trainers.Neural.Modules;

/// <summary>Modules applied in order; children are named "0", "1", ... as in torch.nn.Sequential.</summary>
public sealed class Sequential : Module
{
    private readonly Module[] layers;

    public Sequential(params Module[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        this.layers = [.. layers];
        for (var i = 0; i < this.layers.Length; i++) RegisterModule(i.ToString(System.Globalization.CultureInfo.InvariantCulture), this.layers[i]);
    }

    public IReadOnlyList<Module> Layers => layers;

    public override Tensor Forward(Tensor input)
    {
        var x = input;
        foreach (var layer in layers) x = layer.Forward(x);
        return x;
    }
}
