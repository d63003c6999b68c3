using Pipelines.Trainers.Gan.Transform;
using Pipelines.Trainers.Neural;
using Pipelines.Trainers.Neural.Modules;

namespace Pipelines.Trainers.Gan.Networks;

/// <summary>
/// CTGAN's generator: input [z (noise), cond], then residual blocks (<see cref="Residual"/>) of the given widths, then a
/// linear layer to the encoded row width. <see cref="Activate"/> turns the raw outputs into an encoded row: tanh for
/// each alpha span, Gumbel-softmax (tau) for each one-hot span.
/// </summary>
public sealed class CtganGenerator : Module
{
    private readonly Residual[] blocks;
    private readonly Linear output;

    public CtganGenerator(int inputDim, IReadOnlyList<int> hiddenDims, int dataDim, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(hiddenDims);
        var width = inputDim;
        blocks = new Residual[hiddenDims.Count];
        for (var i = 0; i < hiddenDims.Count; i++)
        {
            blocks[i] = RegisterModule(i.ToString(System.Globalization.CultureInfo.InvariantCulture), new Residual(width, hiddenDims[i], generator));
            width = blocks[i].OutFeatures;
        }
        output = RegisterModule("out", new Linear(width, dataDim, generator));
    }

    /// <summary>Raw outputs [n, dataDim] for the input [n, noise + cond].</summary>
    public override Tensor Forward(Tensor input)
    {
        var x = input;
        foreach (var block in blocks) x = block.Forward(x);
        return output.Forward(x);
    }

    /// <summary>The activated encoded rows: per span tanh or Gumbel-softmax at temperature <paramref name="tau"/>.</summary>
    public static Tensor Activate(Tensor raw, IReadOnlyList<OutputSpan> spans, float tau, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(spans);
        var parts = new Tensor[spans.Count];
        for (var s = 0; s < spans.Count; s++)
        {
            var slice = raw.Columns(spans[s].Start, spans[s].Width);
            parts[s] = spans[s].Activation == SpanActivation.Tanh ? slice.Tanh() : GumbelSoftmax.Sample(slice, tau, generator);
        }
        return Tensor.Concat(parts);
    }
}
