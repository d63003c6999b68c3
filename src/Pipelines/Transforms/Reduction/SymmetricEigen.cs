using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Pipelines.Transforms.Reduction;

/// <summary>Eigen-decomposition of a symmetric matrix with a deterministic order and sign.</summary>
internal static class SymmetricEigen
{
    /// <summary>
    /// Eigenvalues in descending order (ties keep MathNet's order), negative rounding noise clamped to 0,
    /// with unit eigenvectors as rows. Each vector's largest-magnitude entry (the first, on ties) is made
    /// positive, since an eigenvector's sign is arbitrary and fitted models must not depend on it.
    /// </summary>
    public static (double[] Values, double[][] Vectors) Decompose(Matrix<double> symmetric)
    {
        var evd = symmetric.Evd(Symmetricity.Symmetric);
        var p = symmetric.RowCount;
        var raw = evd.EigenValues.Select(v => v.Real).ToArray();
        var order = Enumerable.Range(0, p).OrderByDescending(i => raw[i]).ToArray();
        var values = new double[p];
        var vectors = new double[p][];
        for (var j = 0; j < p; j++)
        {
            values[j] = Math.Max(0, raw[order[j]]);
            vectors[j] = evd.EigenVectors.Column(order[j]).ToArray();
            MakeLargestPositive(vectors[j]);
        }
        return (values, vectors);
    }

    /// <summary>Flips <paramref name="vector"/> so that its largest-magnitude entry is positive.</summary>
    public static void MakeLargestPositive(double[] vector)
    {
        var best = 0;
        for (var i = 1; i < vector.Length; i++) if (Math.Abs(vector[i]) > Math.Abs(vector[best])) best = i;
        if (vector[best] < 0) for (var i = 0; i < vector.Length; i++) vector[i] = -vector[i];
    }
}
