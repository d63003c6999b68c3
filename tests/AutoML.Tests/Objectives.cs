using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Tuners;

namespace Pipelines.AutoML.Tests;

/// <summary>Test functions with known optima, and a loop that runs a tuner on one.</summary>
internal static class Objectives
{
    public const double BraninMinimum = 0.397887;

    /// <summary>x_i in [-5, 5], optimum at c_i = 1.5 - 0.7 i (shifted off the centre and the defaults), value 0.</summary>
    public static ParameterSpace QuadraticSpace(int dims) =>
        new([.. Enumerable.Range(0, dims).Select(i => ($"x{i}", (Parameter)new FloatRange(-5, 5, defaultValue: -4)))]);

    public static double Quadratic(Parameters p)
    {
        var sum = 0.0;
        for (var i = 0; i < p.Count; i++)
        {
            var d = p.GetDouble($"x{i}") - (1.5 - 0.7 * i);
            sum += d * d;
        }
        return sum;
    }

    public static ParameterSpace BraninSpace() => new(("x", new FloatRange(-5, 10)), ("y", new FloatRange(0, 15)));

    /// <summary>Branin-Hoo; global minimum 0.397887 at (-π, 12.275), (π, 2.275), (9.42478, 2.475).</summary>
    public static double Branin(Parameters p)
    {
        var x = p.GetDouble("x");
        var y = p.GetDouble("y");
        const double b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, t = 1 / (8 * Math.PI);
        var s = y - b * x * x + c * x - 6;
        return s * s + 10 * (1 - t) * Math.Cos(x) + 10;
    }

    /// <summary>An integer n in [1, 50] (log scale), a choice among a/b/c and a float: minimum 0 at n = 7, "b", z = 0.3.</summary>
    public static ParameterSpace MixedSpace() => new(
        ("n", new IntRange(1, 50, log: true)),
        ("kind", new Choice("a", "b", "c")),
        ("z", new FloatRange(0, 1, defaultValue: 0.9)));

    public static double Mixed(Parameters p)
    {
        var n = p.GetInt("n");
        var kind = p.GetString("kind");
        var z = p.GetDouble("z");
        return 0.1 * (n - 7) * (n - 7) + (kind == "b" ? 0 : kind == "a" ? 2 : 1) + (z - 0.3) * (z - 0.3);
    }

    /// <summary>Runs <paramref name="tuner"/> for <paramref name="trials"/> trials (cost 1 each) and returns the best value.</summary>
    public static double Minimize(ITuner tuner, Func<Parameters, double> f, int trials)
    {
        var best = double.PositiveInfinity;
        for (var i = 0; i < trials && !tuner.IsDone; i++)
        {
            var trial = tuner.Propose();
            var loss = f(trial.Parameters);
            tuner.Report(trial, loss, 1, failed: false);
            best = Math.Min(best, loss);
        }
        return best;
    }

    /// <summary>The sequence of proposed parameters, as strings, for determinism checks.</summary>
    public static List<string> Trace(ITuner tuner, Func<Parameters, double> f, int trials)
    {
        var trace = new List<string>();
        for (var i = 0; i < trials && !tuner.IsDone; i++)
        {
            var trial = tuner.Propose();
            trace.Add(trial.Parameters.ToString());
            tuner.Report(trial, f(trial.Parameters), 1, failed: false);
        }
        return trace;
    }
}
