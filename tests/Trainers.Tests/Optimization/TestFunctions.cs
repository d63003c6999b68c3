using Pipelines.Trainers.Optimization;

namespace Pipelines.Trainers.Tests.Optimization;

/// <summary>Rosenbrock's function f(a, b) = (1 - a)² + 100 (b - a²)², minimum 0 at (1, 1).</summary>
internal sealed class Rosenbrock : IDifferentiableFunction
{
    public int Dimension => 2;
    public int Evaluations { get; private set; }

    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        Evaluations++;
        var (a, b) = (x[0], x[1]);
        gradient[0] = -2 * (1 - a) - 400 * a * (b - a * a);
        gradient[1] = 200 * (b - a * a);
        return (1 - a) * (1 - a) + 100 * (b - a * a) * (b - a * a);
    }
}

/// <summary>f(x) = ½ xᵀAx - bᵀx with A symmetric positive definite; minimum at A⁻¹b.</summary>
internal sealed class Quadratic(double[,] a, double[] b) : IDifferentiableFunction
{
    public int Dimension => b.Length;

    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        var value = 0.0;
        for (var i = 0; i < b.Length; i++)
        {
            var ax = 0.0;
            for (var j = 0; j < b.Length; j++) ax += a[i, j] * x[j];
            gradient[i] = ax - b[i];
            value += 0.5 * x[i] * ax - b[i] * x[i];
        }
        return value;
    }
}

/// <summary>
/// Least squares ½ ||y - X w||² with an orthogonal design XᵀX = c I. With an L1 term λ||w||₁ its minimizer is the
/// soft-thresholded least-squares solution: w_j = sign(z_j) max(|z_j| - λ, 0) / c with z = Xᵀy.
/// </summary>
internal sealed class OrthogonalLeastSquares(double[,] x, double[] y) : IDifferentiableFunction
{
    public int Dimension => x.GetLength(1);

    public double Evaluate(ReadOnlySpan<double> w, Span<double> gradient)
    {
        gradient.Clear();
        var value = 0.0;
        for (var i = 0; i < y.Length; i++)
        {
            var r = -y[i];
            for (var j = 0; j < Dimension; j++) r += x[i, j] * w[j];
            value += 0.5 * r * r;
            for (var j = 0; j < Dimension; j++) gradient[j] += r * x[i, j];
        }
        return value;
    }
}
