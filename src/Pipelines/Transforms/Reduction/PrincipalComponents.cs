using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Persistence;

namespace Pipelines.Transforms.Reduction;

/// <summary>
/// Fitted PCA: pc_j = sum_i Loadings[j, i] * (x_i - Means[i]), divided by sqrt(ExplainedVariance[j]) when
/// whitened (0 for a component without variance). Replaces the input columns by "pc1".."pck" at the place
/// of the first input. NaN in an input is refused with a DataValueException. (ONNX: Sub, MatMul, optional Mul.)
/// </summary>
[PersistedType("pca")]
public sealed class PrincipalComponents : ITransformer
{
    private readonly float[] _weights;
    private readonly string[] _outputs;

    /// <param name="columns">Input columns, in the order of each loading row.</param>
    /// <param name="means">Training mean of each input.</param>
    /// <param name="loadings">Unit component vectors, row-major: k rows of <c>columns.Count</c>.</param>
    /// <param name="explainedVariance">Variance of each component on the training data (eigenvalues of the covariance with n - 1).</param>
    /// <param name="explainedVarianceRatio">Each component's share of the total variance of the inputs.</param>
    /// <param name="whiten">Whether outputs are divided by sqrt(explainedVariance).</param>
    public PrincipalComponents(
        IReadOnlyList<string> columns, IReadOnlyList<float> means, IReadOnlyList<float> loadings,
        IReadOnlyList<double> explainedVariance, IReadOnlyList<double> explainedVarianceRatio, bool whiten)
    {
        var p = columns.Count;
        var k = explainedVariance.Count;
        if (p == 0 || means.Count != p || loadings.Count != k * p || explainedVarianceRatio.Count != k || k == 0)
            throw new ArgumentException($"{nameof(PrincipalComponents)}: {p} columns, {means.Count} means, {loadings.Count} loadings and {k} variances do not fit together.");
        Columns = [.. columns];
        Means = [.. means];
        Loadings = [.. loadings];
        ExplainedVariance = [.. explainedVariance];
        ExplainedVarianceRatio = [.. explainedVarianceRatio];
        Whiten = whiten;
        _weights = [.. loadings];
        if (whiten)
        {
            var largest = explainedVariance.Max();
            for (var j = 0; j < k; j++)
            {
                // Components with (numerically) no variance carry no signal; dividing would blow up rounding noise.
                var scale = explainedVariance[j] > 1e-12 * largest && explainedVariance[j] > 0 ? 1 / Math.Sqrt(explainedVariance[j]) : 0;
                for (var i = 0; i < p; i++) _weights[j * p + i] = (float)(_weights[j * p + i] * scale);
            }
        }
        _outputs = LinearProjection.Names("pc", k);
    }

    public IReadOnlyList<string> Columns { get; }
    public IReadOnlyList<float> Means { get; }

    /// <summary>Component vectors, row-major (component j's loading on input i at j * Columns.Count + i).</summary>
    public IReadOnlyList<float> Loadings { get; }
    public IReadOnlyList<double> ExplainedVariance { get; }
    public IReadOnlyList<double> ExplainedVarianceRatio { get; }
    public bool Whiten { get; }

    public DataSchema GetOutputSchema(DataSchema input) =>
        LinearProjection.OutputSchema(nameof(PrincipalComponents), input, Columns, _outputs);

    public DataFrame Transform(DataFrame input) =>
        LinearProjection.Apply(nameof(PrincipalComponents), input, Columns, Means, _weights, _outputs);
}
