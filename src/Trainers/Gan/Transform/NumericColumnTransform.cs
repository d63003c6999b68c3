using Pipelines.Data;

namespace Pipelines.Trainers.Gan.Transform;

/// <summary>
/// Mode-specific normalization of a numeric column (CTGAN): a value x is encoded as a mode k sampled from the
/// mixture posterior P(k | x), written one-hot, and alpha = clip((x - mu_k) / (4 sigma_k), -0.99, 0.99).
/// Decoding takes k = argmax of the mode block and x = mu_k + 4 sigma_k alpha, clipped into the observed
/// [<see cref="Min"/>, <see cref="Max"/>] and rounded when the column held only whole numbers.
/// When the column had missing values (NaN) a two-slot block (present, missing) follows; a missing value is encoded
/// as alpha = 0, the heaviest mode, and the missing slot, and decodes to NaN when the missing slot wins.
/// Block layout: [alpha | K mode slots | (present, missing)].
/// </summary>
public sealed record NumericColumnTransform(
    string Name, GaussianMixture1d Mixture, float Min, float Max, bool IsInteger, bool HasMissing) : ColumnTransform(Name)
{
    /// <inheritdoc/>
    public override int Width => 1 + Mixture.Count + (HasMissing ? 2 : 0);

    /// <inheritdoc/>
    public override IReadOnlyList<OutputSpan> Spans =>
        HasMissing
            ? [new(0, 1, SpanActivation.Tanh), new(1, Mixture.Count, SpanActivation.Softmax), new(1 + Mixture.Count, 2, SpanActivation.Softmax)]
            : [new(0, 1, SpanActivation.Tanh), new(1, Mixture.Count, SpanActivation.Softmax)];

    /// <summary>Fits the mixture to the finite values of <paramref name="column"/> (at least one is needed).</summary>
    public static NumericColumnTransform Fit(NumericColumn column, int maxModes, double minWeight)
    {
        ArgumentNullException.ThrowIfNull(column);
        var finite = new List<double>(column.Length);
        var hasMissing = false;
        var isInteger = true;
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        foreach (var v in column.Values)
        {
            if (float.IsNaN(v))
            {
                hasMissing = true;
                continue;
            }
            finite.Add(v);
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            isInteger &= v == MathF.Round(v);
        }
        if (finite.Count == 0)
            throw new Errors.DataValueException($"Tabular GAN: numeric column '{column.Name}' has no non-missing value; drop it or impute it first.");
        var mixture = GaussianMixture1d.Fit(finite.ToArray(), maxModes, minWeight);
        return new(column.Name, mixture, min, max, isInteger, hasMissing);
    }

    internal override void Encode(Column column, int row, Span<float> block, Random random)
    {
        var x = ((NumericColumn)column)[row];
        var k = Mixture.Count;
        if (float.IsNaN(x))
        {
            if (!HasMissing) throw new Errors.DataValueException($"Tabular GAN: column '{Name}' has a missing value (row {row}) but had none when fitted.");
            block[1 + HeaviestMode()] = 1;
            block[1 + k + 1] = 1;
            return;
        }
        Span<double> posterior = stackalloc double[k];
        Mixture.Posterior(x, posterior);
        var u = random.NextDouble();
        var mode = k - 1;
        for (var j = 0; j < k; j++)
        {
            u -= posterior[j];
            if (u < 0)
            {
                mode = j;
                break;
            }
        }
        block[0] = (float)Math.Clamp((x - Mixture.Means[mode]) / (4 * Mixture.Stds[mode]), -0.99, 0.99);
        block[1 + mode] = 1;
        if (HasMissing) block[1 + k] = 1;
    }

    internal override Column Decode(ReadOnlySpan<float> matrix, int rows, int stride, int offset)
    {
        var k = Mixture.Count;
        var values = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            var block = matrix.Slice(i * stride + offset, Width);
            if (HasMissing && block[1 + k + 1] > block[1 + k])
            {
                values[i] = float.NaN;
                continue;
            }
            var mode = ArgMax(block.Slice(1, k));
            var alpha = Math.Clamp(block[0], -1f, 1f);
            var x = (float)(Mixture.Means[mode] + 4 * Mixture.Stds[mode] * alpha);
            x = Math.Clamp(x, Min, Max);
            values[i] = IsInteger ? MathF.Round(x) : x;
        }
        return new NumericColumn(Name, values);
    }

    private int HeaviestMode()
    {
        var best = 0;
        for (var j = 1; j < Mixture.Count; j++) if (Mixture.Weights[j] > Mixture.Weights[best]) best = j;
        return best;
    }
}
