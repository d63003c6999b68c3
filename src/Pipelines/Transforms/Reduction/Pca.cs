using MathNet.Numerics.LinearAlgebra;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.Transforms.Reduction;

/// <summary>
/// Principal component analysis: projects the centered numeric features onto the top eigenvectors of their
/// sample covariance (divided by n - 1, as scikit-learn), giving columns "pc1".."pck" in place of the inputs.
/// Each component's largest-magnitude loading is positive, so the result does not depend on the solver's
/// sign choice. Missing values (NaN) are refused at Fit and Transform: put ImputeMissing first.
/// </summary>
/// <param name="Components">How many components to keep, 1..number of inputs. With <paramref name="VarianceFraction"/> also null, every component is kept.</param>
/// <param name="VarianceFraction">
/// Instead of a count: keep the fewest components whose explained-variance ratios sum to more than this
/// fraction in (0, 1] (scikit-learn's float n_components). The output columns then depend on the data.
/// </param>
/// <param name="Whiten">Divide each component by its standard deviation sqrt(lambda_j) so it has unit variance; components without variance become 0.</param>
/// <param name="Columns">Numeric features to reduce; null means every numeric feature.</param>
public sealed record Pca(
    int? Components = null,
    double? VarianceFraction = null,
    bool Whiten = false,
    IReadOnlyList<string>? Columns = null) : IEstimator<PrincipalComponents>
{
    private const string Step = nameof(Pca);

    public DataSchema GetOutputSchema(DataSchema input)
    {
        var names = Resolve(input);
        if (VarianceFraction is not null)
            return LinearProjection.ReplaceSchema(input, names, LinearProjection.Names("pc", 1), exact: false);
        return LinearProjection.ReplaceSchema(input, names, LinearProjection.Names("pc", Components ?? names.Length));
    }

    public PrincipalComponents Fit(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var names = Resolve(input.Schema);
        if (input.RowCount == 0) ThrowHelper.TooFewRows(Step, 0, 1);
        MissingValues.Refuse(Step, input, names);

        var p = names.Length;
        var n = input.RowCount;
        var means = new double[p];
        var centered = new double[p][];
        for (var i = 0; i < p; i++)
        {
            var values = input.Numeric(names[i]).Values;
            double sum = 0;
            foreach (var v in values) sum += v;
            means[i] = sum / n;
            centered[i] = new double[n];
            for (var r = 0; r < n; r++) centered[i][r] = values[r] - means[i];
        }
        var covariance = Matrix<double>.Build.Dense(p, p);
        var divisor = Math.Max(n - 1, 1);
        for (var a = 0; a < p; a++)
        {
            for (var b = a; b < p; b++)
            {
                var c = System.Numerics.Tensors.TensorPrimitives.Dot<double>(centered[a], centered[b]) / divisor;
                covariance[a, b] = c;
                covariance[b, a] = c;
            }
        }
        var (variances, vectors) = SymmetricEigen.Decompose(covariance);
        var total = variances.Sum();
        var ratios = variances.Select(v => total > 0 ? v / total : 0).ToArray();
        var k = Components ?? (VarianceFraction is { } f ? CountFor(ratios, f) : p);

        var loadings = new float[k * p];
        for (var j = 0; j < k; j++)
            for (var i = 0; i < p; i++) loadings[j * p + i] = (float)vectors[j][i];
        return new PrincipalComponents(
            names, [.. means.Select(m => (float)m)], loadings,
            variances[..k], ratios[..k], Whiten);
    }

    /// <summary>The fewest leading components whose ratios sum to more than <paramref name="fraction"/> (all, if none do).</summary>
    private static int CountFor(double[] ratios, double fraction)
    {
        double sum = 0;
        for (var j = 0; j < ratios.Length; j++)
        {
            sum += ratios[j];
            if (sum > fraction) return j + 1;
        }
        return ratios.Length;
    }

    private string[] Resolve(DataSchema schema)
    {
        if (Components is not null && VarianceFraction is not null)
            ThrowHelper.BadOption(Step, nameof(Components), Components, "null when VarianceFraction is set (give one or the other)");
        if (VarianceFraction is { } f && !(f > 0 && f <= 1))
            ThrowHelper.BadOption(Step, nameof(VarianceFraction), f, "a fraction in (0, 1]");
        var names = ColumnSelection.Resolve(Step, schema, Columns, ColumnKind.Numeric);
        if (names.Length == 0)
            throw new SchemaException($"{Step}: the data has no numeric features to reduce. Name numeric columns in Columns, or drop this step.");
        if (Components is { } k && (k < 1 || k > names.Length))
            ThrowHelper.BadOption(Step, nameof(Components), k, $"1..{names.Length} (the number of numeric inputs)");
        return names;
    }
}
