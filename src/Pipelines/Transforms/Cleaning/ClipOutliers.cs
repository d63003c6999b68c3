using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Statistics;

namespace Pipelines.Transforms.Cleaning;

/// <summary>
/// Clips outlying values of numeric features to bounds learned from the training values (missing ones skipped):
/// <list type="bullet">
/// <item><see cref="ClipMethod.Iqr"/>: [Q1 - k * IQR, Q3 + k * IQR], Q1 and Q3 the 0.25 and 0.75 quantiles, IQR = Q3 - Q1, k = <paramref name="IqrMultiplier"/>.</item>
/// <item><see cref="ClipMethod.Quantile"/>: [Q(<paramref name="LowerQuantile"/>), Q(<paramref name="UpperQuantile"/>)].</item>
/// </list>
/// Quantiles interpolate linearly (<see cref="Moments.Quantile"/>). The fitted step maps x to min(max(x, lower), upper);
/// NaN stays NaN. An all-missing column gets bounds (-infinity, +infinity), so nothing in it is ever clipped.
/// </summary>
/// <param name="Method">How bounds are set.</param>
/// <param name="IqrMultiplier">k for <see cref="ClipMethod.Iqr"/>; finite and at least 0 (1.5 is Tukey's, 3 keeps only far outliers out).</param>
/// <param name="LowerQuantile">Lower quantile for <see cref="ClipMethod.Quantile"/>, in [0, 1).</param>
/// <param name="UpperQuantile">Upper quantile for <see cref="ClipMethod.Quantile"/>, in (LowerQuantile, 1].</param>
/// <param name="Columns">Columns to clip; null means every numeric feature.</param>
public sealed record ClipOutliers(
    ClipMethod Method = ClipMethod.Iqr,
    double IqrMultiplier = 1.5,
    double LowerQuantile = 0.01,
    double UpperQuantile = 0.99,
    IReadOnlyList<string>? Columns = null) : IEstimator<ValueClipper>
{
    public DataSchema GetOutputSchema(DataSchema input)
    {
        ColumnSelection.Resolve(nameof(ClipOutliers), input, Columns, ColumnKind.Numeric);
        return input;
    }

    public ValueClipper Fit(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ValidateOptions();
        var names = ColumnSelection.Resolve(nameof(ClipOutliers), input.Schema, Columns, ColumnKind.Numeric);
        var lower = new float[names.Length];
        var upper = new float[names.Length];
        var below = new int[names.Length];
        var above = new int[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var values = input.Numeric(names[i]).Values;
            (lower[i], upper[i]) = Bounds(Moments.SortedPresent(values));
            foreach (var v in values)
            {
                if (v < lower[i]) below[i]++;
                else if (v > upper[i]) above[i]++;
            }
        }
        return new ValueClipper(names, lower, upper, below, above);
    }

    private (float Lower, float Upper) Bounds(float[] sorted)
    {
        if (sorted.Length == 0) return (float.NegativeInfinity, float.PositiveInfinity);
        double low, high;
        if (Method == ClipMethod.Iqr)
        {
            var q1 = Moments.Quantile(sorted, 0.25);
            var q3 = Moments.Quantile(sorted, 0.75);
            var iqr = q3 - q1;
            low = q1 - IqrMultiplier * iqr;
            high = q3 + IqrMultiplier * iqr;
        }
        else
        {
            low = Moments.Quantile(sorted, LowerQuantile);
            high = Moments.Quantile(sorted, UpperQuantile);
        }
        // Round outwards to float so no training value inside the double bounds is clipped by rounding.
        return (RoundDown(low), RoundUp(high));
    }

    private static float RoundDown(double x)
    {
        var f = (float)x;
        return f > x ? MathF.BitDecrement(f) : f;
    }

    private static float RoundUp(double x)
    {
        var f = (float)x;
        return f < x ? MathF.BitIncrement(f) : f;
    }

    private void ValidateOptions()
    {
        if (!Enum.IsDefined(Method))
            ThrowHelper.BadOption(nameof(ClipOutliers), nameof(Method), Method, "Iqr or Quantile");
        if (!(IqrMultiplier >= 0 && double.IsFinite(IqrMultiplier)))
            ThrowHelper.BadOption(nameof(ClipOutliers), nameof(IqrMultiplier), IqrMultiplier, "a finite number >= 0");
        if (!(LowerQuantile >= 0 && LowerQuantile < 1))
            ThrowHelper.BadOption(nameof(ClipOutliers), nameof(LowerQuantile), LowerQuantile, "a quantile in [0, 1)");
        if (!(UpperQuantile > LowerQuantile && UpperQuantile <= 1))
            ThrowHelper.BadOption(nameof(ClipOutliers), nameof(UpperQuantile), UpperQuantile, $"a quantile in ({LowerQuantile}, 1]");
    }
}
