using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Persistence;

namespace Pipelines.Transforms.Reduction;

/// <summary>
/// Fitted LDA: ld_j = sum_i Scalings[j, i] * (x_i - Means[i]). Replaces the input columns by "ld1".."ldk" at the
/// place of the first input. NaN in an input is refused with a DataValueException. (ONNX: Sub, MatMul.)
/// </summary>
[PersistedType("lda")]
public sealed class LinearDiscriminants : ITransformer
{
    private readonly string[] _outputs;

    /// <param name="columns">Input columns, in the order of each scaling row.</param>
    /// <param name="means">Training mean of each input over the labelled rows.</param>
    /// <param name="scalings">Discriminant directions, row-major: k rows of <c>columns.Count</c>.</param>
    /// <param name="explainedVarianceRatio">Each direction's share of the between-class separation (its eigenvalue over the sum of all).</param>
    public LinearDiscriminants(IReadOnlyList<string> columns, IReadOnlyList<float> means, IReadOnlyList<float> scalings, IReadOnlyList<double> explainedVarianceRatio)
    {
        var p = columns.Count;
        var k = explainedVarianceRatio.Count;
        if (p == 0 || k == 0 || means.Count != p || scalings.Count != k * p)
            throw new ArgumentException($"{nameof(LinearDiscriminants)}: {p} columns, {means.Count} means, {scalings.Count} scalings and {k} ratios do not fit together.");
        Columns = [.. columns];
        Means = [.. means];
        Scalings = [.. scalings];
        ExplainedVarianceRatio = [.. explainedVarianceRatio];
        _outputs = LinearProjection.Names("ld", k);
    }

    public IReadOnlyList<string> Columns { get; }
    public IReadOnlyList<float> Means { get; }

    /// <summary>Directions, row-major (direction j's weight on input i at j * Columns.Count + i).</summary>
    public IReadOnlyList<float> Scalings { get; }
    public IReadOnlyList<double> ExplainedVarianceRatio { get; }

    public DataSchema GetOutputSchema(DataSchema input) =>
        LinearProjection.OutputSchema(nameof(LinearDiscriminants), input, Columns, _outputs);

    public DataFrame Transform(DataFrame input) =>
        LinearProjection.Apply(nameof(LinearDiscriminants), input, Columns, Means, Scalings, _outputs);
}
