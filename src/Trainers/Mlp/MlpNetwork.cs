using Pipelines.Trainers.Neural;
using Pipelines.Trainers.Neural.Modules;

namespace Pipelines.Trainers.Mlp;

/// <summary>Builds the trainable network from options, and turns a trained one into fitted layers (folding batch norm).</summary>
internal static class MlpNetwork
{
    public static Sequential Build(MlpOptions options, int inputs, int outputs, Generator init, Generator dropout)
    {
        var layers = new List<Module>();
        var width = inputs;
        foreach (var hidden in options.HiddenSizes)
        {
            layers.Add(new Linear(width, hidden, init));
            if (options.BatchNorm) layers.Add(new BatchNorm1d(hidden));
            layers.Add(Activation(options.Activation));
            if (options.Dropout > 0) layers.Add(new Dropout(options.Dropout, dropout));
            width = hidden;
        }
        layers.Add(new Linear(width, outputs, init));
        return new Sequential([.. layers]);
    }

    public static Module Activation(MlpActivation activation) => activation switch
    {
        MlpActivation.Relu => new ReLU(),
        MlpActivation.LeakyRelu => new LeakyReLU(0.01f),
        MlpActivation.Gelu => new GELU(),
        MlpActivation.Tanh => new Tanh(),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "No module for this activation."),
    };

    /// <summary>
    /// The layers of a trained network in evaluation form. A BatchNorm1d after a Linear is folded into it:
    /// s = gamma / sqrt(running_var + eps), W' = diag(s) W, b' = s (b - running_mean) + beta. Dropout is dropped.
    /// </summary>
    public static MlpLayer[] Export(Sequential network)
    {
        var result = new List<(float[] W, float[] B, int In, int Out, MlpActivation Act)>();
        foreach (var module in network.Layers)
        {
            switch (module)
            {
                case Linear linear:
                    result.Add(([.. linear.Weight.Data], linear.Bias is null ? new float[linear.OutFeatures] : [.. linear.Bias.Data], linear.InFeatures, linear.OutFeatures, MlpActivation.Identity));
                    break;
                case BatchNorm1d bn:
                    var (w, b, inputs, outputs, _) = result[^1];
                    for (var o = 0; o < outputs; o++)
                    {
                        var s = bn.Gamma.Data[o] / MathF.Sqrt(bn.RunningVar.Data[o] + bn.Eps);
                        for (var i = 0; i < inputs; i++) w[o * inputs + i] *= s;
                        b[o] = s * (b[o] - bn.RunningMean.Data[o]) + bn.Beta.Data[o];
                    }
                    break;
                case ReLU: result[^1] = result[^1] with { Act = MlpActivation.Relu }; break;
                case LeakyReLU: result[^1] = result[^1] with { Act = MlpActivation.LeakyRelu }; break;
                case GELU: result[^1] = result[^1] with { Act = MlpActivation.Gelu }; break;
                case Tanh: result[^1] = result[^1] with { Act = MlpActivation.Tanh }; break;
                case Dropout: break;
                default: throw new InvalidOperationException($"MlpNetwork: cannot export a {module.GetType().Name} layer.");
            }
        }
        return [.. result.Select(l => new MlpLayer(l.In, l.Out, l.W, l.B, l.Act))];
    }
}
