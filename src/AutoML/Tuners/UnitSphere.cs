namespace Pipelines.AutoML.Tuners;

/// <summary>Random draws on the unit cube and sphere shared by the tuners.</summary>
internal static class UnitSphere
{
    /// <summary>A uniform direction on the sphere in R^d: a standard normal vector divided by its length.</summary>
    public static double[] Direction(Random random, int dimension)
    {
        var u = new double[dimension];
        double norm;
        do
        {
            for (var i = 0; i < dimension; i++) u[i] = StandardNormal(random);
            norm = Math.Sqrt(u.Sum(v => v * v));
        } while (norm < 1e-12);
        for (var i = 0; i < dimension; i++) u[i] /= norm;
        return u;
    }

    /// <summary>A uniform point of [0, 1)^d.</summary>
    public static double[] UniformPoint(Random random, int dimension)
    {
        var x = new double[dimension];
        for (var i = 0; i < dimension; i++) x[i] = random.NextDouble();
        return x;
    }

    /// <summary>Box-Muller standard normal.</summary>
    public static double StandardNormal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
