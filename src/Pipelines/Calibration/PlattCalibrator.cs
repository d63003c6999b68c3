using Pipelines.Persistence;

namespace Pipelines.Calibration;

/// <summary>
/// Platt scaling on the logit of a probability: p' = sigmoid(A·logit(p) + B). Fitted by Newton's method on the log
/// loss with Platt's smoothed targets (N₊ + 1)/(N₊ + 2) for positives and 1/(N₋ + 2) for negatives, which keeps A and
/// B finite when the classes separate (Platt 1999; the Newton form of Lin, Lin and Weng 2007).
/// </summary>
[PersistedType("platt-calibrator")]
public sealed class PlattCalibrator : Calibrator
{
    private const int MaxIterations = 100;
    private const double GradientTolerance = 1e-10;

    public PlattCalibrator(float a, float b)
    {
        if (!float.IsFinite(a) || !float.IsFinite(b))
            throw new ArgumentException($"PlattCalibrator: slope {a} and intercept {b} must be finite.");
        A = a;
        B = b;
    }

    /// <summary>Slope on the logit.</summary>
    public float A { get; }

    /// <summary>Intercept.</summary>
    public float B { get; }

    /// <inheritdoc/>
    public override float Apply(float probability)
    {
        var z = A * Logit(probability) + B;
        return Clip(1f / (1f + MathF.Exp(-z)));
    }

    /// <summary>Fits A and B to rows of <paramref name="probabilities"/> (this class's probability) and whether each row is of the class.</summary>
    public static PlattCalibrator Fit(ReadOnlySpan<float> probabilities, ReadOnlySpan<bool> positive)
    {
        if (probabilities.Length != positive.Length)
            throw new ArgumentException($"PlattCalibrator: {probabilities.Length} probabilities but {positive.Length} labels.");
        if (probabilities.Length == 0) throw new ArgumentException("PlattCalibrator: no rows to fit on.");
        var n = probabilities.Length;
        var scores = new double[n];
        var targets = new double[n];
        var positives = 0;
        foreach (var p in positive) if (p) positives++;
        var negatives = n - positives;
        double hi = (positives + 1.0) / (positives + 2.0), lo = 1.0 / (negatives + 2.0);
        for (var i = 0; i < n; i++)
        {
            scores[i] = Logit(probabilities[i]);
            targets[i] = positive[i] ? hi : lo;
        }
        var (a, b) = Minimize(scores, targets, 0, Math.Log((positives + 1.0) / (negatives + 1.0)));
        return new PlattCalibrator((float)a, (float)b);
    }

    /// <summary>Newton steps with backtracking on the convex loss Σ softplus(z) − t·z, z = a·s + b.</summary>
    private static (double A, double B) Minimize(double[] s, double[] t, double a, double b)
    {
        var loss = Loss(s, t, a, b);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (var i = 0; i < s.Length; i++)
            {
                var p = Sigmoid(a * s[i] + b);
                var residual = p - t[i];
                var curvature = Math.Max(p * (1 - p), 1e-300);
                ga += residual * s[i];
                gb += residual;
                haa += curvature * s[i] * s[i];
                hab += curvature * s[i];
                hbb += curvature;
            }
            if (Math.Abs(ga) < GradientTolerance * s.Length && Math.Abs(gb) < GradientTolerance * s.Length) break;
            // A tiny ridge keeps the 2x2 system solvable when every score is the same.
            var ridge = 1e-12 * (haa + hbb + 1);
            haa += ridge;
            hbb += ridge;
            var det = haa * hbb - hab * hab;
            double da, db;
            if (det > 1e-300 * Math.Max(1, haa * hbb))
            {
                da = -(hbb * ga - hab * gb) / det;
                db = -(haa * gb - hab * ga) / det;
            }
            else
            {
                da = -ga / haa;
                db = -gb / hbb;
            }
            var step = 1.0;
            var improved = false;
            while (step > 1e-10)
            {
                var next = Loss(s, t, a + step * da, b + step * db);
                if (next <= loss + 1e-4 * step * (ga * da + gb * db))
                {
                    a += step * da;
                    b += step * db;
                    improved = loss - next > 1e-15 * Math.Max(1, Math.Abs(loss));
                    loss = next;
                    break;
                }
                step /= 2;
            }
            if (!improved) break;
        }
        return (a, b);
    }

    private static double Loss(double[] s, double[] t, double a, double b)
    {
        double sum = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var z = a * s[i] + b;
            sum += Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z))) - t[i] * z;
        }
        return sum;
    }

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
}
