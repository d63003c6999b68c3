using MathNet.Numerics.LinearAlgebra;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Transforms.Selection;

namespace Pipelines.Transforms.Reduction;

/// <summary>
/// Fisher linear discriminant analysis as a supervised reduction: finds directions w that maximize
/// between-class over within-class scatter, w' S_b w / w' S_w w, by solving S_b w = lambda S_w w, and replaces the
/// numeric features by "ld1".."ldk" (k at most classes - 1). S_w (pooled within-class covariance, over n) is
/// shrunk towards a multiple of the identity, S = (1 - s) S_w + s (trace(S_w) / p) I, so collinear or constant
/// features still give a solution. Each direction is scaled so that w' S w = 1 and its largest-magnitude
/// weight is positive. Needs a categorical label with at least two classes; rows with a missing label are not
/// used. Missing feature values (NaN) are refused at Fit and Transform: put ImputeMissing first.
/// </summary>
/// <param name="Components">How many discriminants to keep; null keeps min(classes - 1, inputs), which makes the output columns depend on the data.</param>
/// <param name="Shrinkage">s in [0, 1]; 0 means no regularization (fails on a singular S_w).</param>
/// <param name="Columns">Numeric features to reduce; null means every numeric feature.</param>
public sealed record Lda(int? Components = null, double Shrinkage = 1e-3, IReadOnlyList<string>? Columns = null) : IEstimator<LinearDiscriminants>
{
    private const string Step = nameof(Lda);

    public DataSchema GetOutputSchema(DataSchema input)
    {
        var names = Resolve(input);
        if (input.Label is null) ThrowHelper.NeedsLabel(Step);
        if (input.Label.Kind != ColumnKind.Categorical) ThrowHelper.WrongKind(Step, input.Label.Name, input.Label.Kind, ColumnKind.Categorical);
        return Components is { } k
            ? LinearProjection.ReplaceSchema(input, names, LinearProjection.Names("ld", k))
            : LinearProjection.ReplaceSchema(input, names, LinearProjection.Names("ld", 1), exact: false);
    }

    public LinearDiscriminants Fit(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var names = Resolve(input.Schema);
        var label = ClassLabel.Read(Step, input);
        MissingValues.Refuse(Step, input, names);
        var p = names.Length;
        var n = label.Rows.Length;
        var c = label.ClassCount;
        var limit = Math.Min(c - 1, p);
        if (Components is { } wanted && wanted > limit)
            throw new DataValueException(
                $"{Step}: asked for {wanted} components, but {c} classes and {p} inputs give at most {limit}. Ask for fewer, or leave Components null.");
        var k = Components ?? limit;

        var x = new double[p][];
        for (var i = 0; i < p; i++) x[i] = [.. label.Gather(input.Numeric(names[i]).Values).Select(v => (double)v)];
        var counts = new int[c];
        foreach (var cls in label.Classes) counts[cls]++;
        var classMeans = new double[c, p];
        var mean = new double[p];
        for (var i = 0; i < p; i++)
        {
            for (var r = 0; r < n; r++) classMeans[label.Classes[r], i] += x[i][r];
            for (var cls = 0; cls < c; cls++)
            {
                mean[i] += classMeans[cls, i];
                classMeans[cls, i] /= counts[cls];
            }
            mean[i] /= n;
        }

        var within = Matrix<double>.Build.Dense(p, p);
        var between = Matrix<double>.Build.Dense(p, p);
        for (var a = 0; a < p; a++)
        {
            for (var b = a; b < p; b++)
            {
                double w = 0;
                for (var r = 0; r < n; r++)
                {
                    var cls = label.Classes[r];
                    w += (x[a][r] - classMeans[cls, a]) * (x[b][r] - classMeans[cls, b]);
                }
                double s = 0;
                for (var cls = 0; cls < c; cls++) s += counts[cls] * (classMeans[cls, a] - mean[a]) * (classMeans[cls, b] - mean[b]);
                within[a, b] = within[b, a] = w / n;
                between[a, b] = between[b, a] = s / n;
            }
        }
        var regularized = Regularize(within, p);

        // With S = L L', the generalized problem becomes the symmetric one (L^-1 S_b L^-T) v = lambda v, w = L^-T v.
        Matrix<double> lowerInverse;
        try
        {
            lowerInverse = regularized.Cholesky().Factor.Inverse();
        }
        catch (ArgumentException e)
        {
            throw new DataValueException(
                $"{Step}: the within-class scatter is singular ({e.Message}). Set Shrinkage above 0, or drop constant and duplicated columns.");
        }
        var reduced = lowerInverse * between * lowerInverse.Transpose();
        reduced = (reduced + reduced.Transpose()) / 2;
        var (eigenvalues, vectors) = SymmetricEigen.Decompose(reduced);
        var total = eigenvalues.Sum();
        var scalings = new float[k * p];
        var upperInverse = lowerInverse.Transpose();
        for (var j = 0; j < k; j++)
        {
            var w = (upperInverse * Vector<double>.Build.DenseOfArray(vectors[j])).ToArray();
            SymmetricEigen.MakeLargestPositive(w);
            for (var i = 0; i < p; i++) scalings[j * p + i] = (float)w[i];
        }
        return new LinearDiscriminants(
            names, [.. mean.Select(m => (float)m)], scalings,
            [.. eigenvalues[..k].Select(e => total > 0 ? e / total : 0)]);
    }

    private Matrix<double> Regularize(Matrix<double> within, int p)
    {
        var trace = within.Trace();
        // No spread within any class at all: every direction is equally tight, so the identity is the honest scatter.
        if (!(trace > 0)) return Matrix<double>.Build.DenseIdentity(p);
        return within * (1 - Shrinkage) + Matrix<double>.Build.DenseIdentity(p) * (Shrinkage * trace / p);
    }

    private string[] Resolve(DataSchema schema)
    {
        if (!(Shrinkage >= 0 && Shrinkage <= 1)) ThrowHelper.BadOption(Step, nameof(Shrinkage), Shrinkage, "a value in [0, 1]");
        if (Components is < 1) ThrowHelper.BadOption(Step, nameof(Components), Components, "at least 1, or null");
        var names = ColumnSelection.Resolve(Step, schema, Columns, ColumnKind.Numeric);
        if (names.Length == 0)
            throw new SchemaException($"{Step}: the data has no numeric features to reduce. Name numeric columns in Columns, or drop this step.");
        return names;
    }
}
