using Pipelines.Trainers.Gan.Transform;
using Pipelines.Trainers.Neural;

namespace Pipelines.Trainers.Gan.Conditioning;

/// <summary>One batch of conditions: the conditional vectors, which discrete column each row conditions on, the slot
/// (category) asked for, and (for training) the real row that has that category.</summary>
public sealed record ConditionBatch(float[] Vectors, int[] Columns, int[] Slots, int[] Rows);

/// <summary>
/// Training-by-sampling (CTGAN, section 4.3). For each row of a batch: pick a discrete column d uniformly, pick one of
/// its slots (categories) k with probability P(k) = ln(1 + n_k) / sum_j ln(1 + n_j) (log-frequency, so rare categories
/// are seen more often than their share), write the conditional vector (zeros except a 1 at d's block, slot k), and
/// pick a real row uniformly among those with that category. Generation without a condition uses the plain frequency
/// P(k) = n_k / n instead, so synthetic data keeps the real marginals.
/// </summary>
public sealed class ConditionSampler
{
    private readonly TabularTransformer transformer;
    private readonly int[][][]? rowsBySlot;
    private readonly int[][] slotCounts;
    private readonly double[][] logCumulative;
    private readonly double[][] rawCumulative;
    private readonly int rowCount;

    /// <summary>Indexes the rows of the encoded <paramref name="matrix"/> [rows, transformer.Dimension] by slot of each discrete column.</summary>
    public ConditionSampler(TabularTransformer transformer, ReadOnlySpan<float> matrix, int rows)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        this.transformer = transformer;
        rowCount = rows;
        var discrete = transformer.Discrete;
        rowsBySlot = new int[discrete.Count][][];
        for (var d = 0; d < discrete.Count; d++)
        {
            var span = discrete[d].Span;
            var lists = new List<int>[span.Width];
            for (var k = 0; k < span.Width; k++) lists[k] = [];
            for (var i = 0; i < rows; i++)
                lists[ColumnTransform.ArgMax(matrix.Slice(i * transformer.Dimension + span.Start, span.Width))].Add(i);
            rowsBySlot[d] = [.. lists.Select(l => l.ToArray())];
        }
        slotCounts = [.. rowsBySlot.Select(slots => slots.Select(r => r.Length).ToArray())];
        (logCumulative, rawCumulative) = Distributions(slotCounts);
    }

    /// <summary>
    /// A sampler rebuilt from saved slot counts (<see cref="SlotCounts"/>, one array per discrete column, each as wide as
    /// its span): it generates exactly as the original did, but holds no training rows, so
    /// <see cref="SampleForTraining"/> refuses.
    /// </summary>
    internal ConditionSampler(TabularTransformer transformer, int rows, int[][] counts)
    {
        this.transformer = transformer;
        rowCount = rows;
        slotCounts = counts;
        (logCumulative, rawCumulative) = Distributions(counts);
    }

    /// <summary>Training rows the sampler was built on.</summary>
    internal int RowCount => rowCount;

    /// <summary>Rows per slot of each discrete column: all that generation needs, so all that a saved model keeps.</summary>
    internal IReadOnlyList<int[]> SlotCounts => slotCounts;

    /// <summary>Log-frequency probability of each slot of discrete column <paramref name="d"/> (the training distribution).</summary>
    public double[] LogFrequencyProbabilities(int d)
    {
        var c = logCumulative[d];
        return [.. c.Select((v, k) => v - (k == 0 ? 0 : c[k - 1]))];
    }

    /// <summary>A training batch: conditions from the log-frequency rule and a real row matching each.</summary>
    public ConditionBatch SampleForTraining(int batch, Generator random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (rowsBySlot is null)
            throw new InvalidOperationException("This condition sampler was loaded from a file and holds no training rows; it can generate conditions but not training batches.");
        var vectors = new float[batch * transformer.ConditionDimension];
        var columns = new int[batch];
        var slots = new int[batch];
        var rows = new int[batch];
        var discrete = transformer.Discrete;
        for (var i = 0; i < batch; i++)
        {
            if (discrete.Count == 0)
            {
                columns[i] = -1;
                rows[i] = random.Next(rowCount);
                continue;
            }
            var d = random.Next(discrete.Count);
            var k = Pick(logCumulative[d], random);
            columns[i] = d;
            slots[i] = k;
            vectors[i * transformer.ConditionDimension + discrete[d].CondOffset + k] = 1;
            var candidates = rowsBySlot[d][k];
            rows[i] = candidates[random.Next(candidates.Length)];
        }
        return new ConditionBatch(vectors, columns, slots, rows);
    }

    /// <summary>Conditions for generation without a request: a column uniformly, a slot by its real frequency.</summary>
    public ConditionBatch SampleOriginal(int batch, Generator random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var vectors = new float[batch * transformer.ConditionDimension];
        var columns = new int[batch];
        var slots = new int[batch];
        var discrete = transformer.Discrete;
        for (var i = 0; i < batch; i++)
        {
            if (discrete.Count == 0)
            {
                columns[i] = -1;
                continue;
            }
            var d = random.Next(discrete.Count);
            var k = Pick(rawCumulative[d], random);
            columns[i] = d;
            slots[i] = k;
            vectors[i * transformer.ConditionDimension + discrete[d].CondOffset + k] = 1;
        }
        return new ConditionBatch(vectors, columns, slots, new int[batch]);
    }

    /// <summary>Every row conditioned on slot <paramref name="slot"/> of discrete column <paramref name="d"/>.</summary>
    public ConditionBatch Fixed(int d, int slot, int batch)
    {
        var discrete = transformer.Discrete;
        if ((uint)d >= (uint)discrete.Count) throw new ArgumentOutOfRangeException(nameof(d), d, "No such discrete column.");
        if ((uint)slot >= (uint)discrete[d].Span.Width) throw new ArgumentOutOfRangeException(nameof(slot), slot, "No such category slot.");
        var vectors = new float[batch * transformer.ConditionDimension];
        for (var i = 0; i < batch; i++) vectors[i * transformer.ConditionDimension + discrete[d].CondOffset + slot] = 1;
        return new ConditionBatch(vectors, [.. Enumerable.Repeat(d, batch)], [.. Enumerable.Repeat(slot, batch)], new int[batch]);
    }

    /// <summary>Cumulative log-frequency (training) and plain-frequency (generation) slot distributions per discrete column.</summary>
    private static (double[][] Log, double[][] Raw) Distributions(int[][] counts) =>
        ([.. counts.Select(c => Cumulative(c.Select(n => Math.Log(1 + n))))], [.. counts.Select(c => Cumulative(c.Select(n => (double)n)))]);

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var list = weights.ToArray();
        var total = list.Sum();
        var cumulative = new double[list.Length];
        double running = 0;
        for (var k = 0; k < list.Length; k++)
        {
            running += total > 0 ? list[k] / total : 1.0 / list.Length;
            cumulative[k] = running;
        }
        return cumulative;
    }

    private static int Pick(double[] cumulative, Generator random)
    {
        var u = random.NextFloat() * cumulative[^1];
        for (var k = 0; k < cumulative.Length; k++) if (u < cumulative[k] && (k == 0 || cumulative[k] > cumulative[k - 1])) return k;
        for (var k = cumulative.Length - 1; k >= 0; k--) if (k == 0 || cumulative[k] > cumulative[k - 1]) return k;
        return 0;
    }
}
