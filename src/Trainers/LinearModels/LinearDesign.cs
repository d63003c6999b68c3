using Pipelines.Data;

namespace Pipelines.Trainers.LinearModels;

/// <summary>
/// The features a <see cref="LinearObjective"/> reads: d columns of n rows, standardized as they are read,
/// x̃_ij = (x_ij - c_j) / s_j. Each evaluation reads the rows a block at a time, row-major, in double precision. Up to
/// <see cref="CopyLimit"/> values the standardized features are copied once, row-major in single precision, which is
/// the fastest to read; above it the columns are read where they are and standardized block by block, so a fit on large
/// data holds no copy of its features (they would be its largest arrays), at some cost in speed. Derived columns
/// (imputed, one-hot: <see cref="NumericColumn.IsDerived"/>) are then computed a block at a time too.
/// </summary>
public sealed class LinearDesign
{
    // About 64 KB of doubles per block: it stays in the core's cache while its rows are read for the scores and the gradient.
    private const int BlockValues = 1 << 13;

    /// <summary>The most values (rows x columns) copied row-major; larger designs read their columns in place.</summary>
    public const long CopyLimit = 1L << 23;

    private readonly NumericColumn[] columns;
    private readonly float[]? rowMajor;
    private readonly double[] center;
    private readonly double[] inverseScale;

    /// <param name="columns">The d feature columns, each of the same length n ≥ 1.</param>
    /// <param name="center">c_j per column, or null for 0.</param>
    /// <param name="scale">s_j per column (positive and finite), or null for 1.</param>
    public LinearDesign(IReadOnlyList<NumericColumn> columns, IReadOnlyList<double>? center = null, IReadOnlyList<double>? scale = null)
        : this(columns, center, scale, CopyLimit)
    {
    }

    /// <summary>As the public constructor, copying row-major up to <paramref name="copyLimit"/> values (tests read both ways).</summary>
    internal LinearDesign(IReadOnlyList<NumericColumn> columns, IReadOnlyList<double>? center, IReadOnlyList<double>? scale, long copyLimit)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0) throw new ArgumentException("A design needs at least one feature column.", nameof(columns));
        Rows = columns[0].Length;
        if (Rows == 0) throw new ArgumentException("A design needs at least one row.", nameof(columns));
        for (var j = 0; j < columns.Count; j++)
        {
            ArgumentNullException.ThrowIfNull(columns[j], nameof(columns));
            if (columns[j].Length != Rows) throw new ArgumentException($"Column {j} has {columns[j].Length} rows, column 0 has {Rows}.", nameof(columns));
        }
        if (center is not null && center.Count != columns.Count) throw new ArgumentException($"{center.Count} centres for {columns.Count} columns.", nameof(center));
        if (scale is not null && scale.Count != columns.Count) throw new ArgumentException($"{scale.Count} scales for {columns.Count} columns.", nameof(scale));
        if (scale is not null && scale.Any(s => !(s > 0) || double.IsInfinity(s)))
            throw new ArgumentOutOfRangeException(nameof(scale), "Scales must be positive and finite.");
        this.columns = [.. columns];
        this.center = center is null ? new double[columns.Count] : [.. center];
        inverseScale = scale is null ? [.. Enumerable.Repeat(1.0, columns.Count)] : [.. scale.Select(s => 1 / s)];
        Features = columns.Count;
        BlockRows = Math.Clamp(BlockValues / Features, 16, 1024);
        if ((long)Rows * Features <= copyLimit)
        {
            rowMajor = new float[Rows * Features];
            for (var j = 0; j < Features; j++)
            {
                var values = this.columns[j].Values;
                for (var i = 0; i < Rows; i++) rowMajor[i * Features + j] = (float)((values[i] - this.center[j]) * inverseScale[j]);
            }
        }
    }

    /// <summary>n, the rows.</summary>
    public int Rows { get; }

    /// <summary>d, the feature columns.</summary>
    public int Features { get; }

    /// <summary>The most rows <see cref="Read"/> is asked for at once.</summary>
    internal int BlockRows { get; }

    /// <summary>
    /// Writes rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) standardized, row-major:
    /// x̃ of the block's row i, column j at <paramref name="block"/>[i · d + j].
    /// </summary>
    internal void Read(int start, int count, Span<double> block)
    {
        var d = Features;
        if (rowMajor is not null)
        {
            var stored = rowMajor.AsSpan(start * d, count * d);
            for (var i = 0; i < stored.Length; i++) block[i] = stored[i];
            return;
        }
        Span<float> values = stackalloc float[count];
        for (var j = 0; j < d; j++)
        {
            columns[j].CopyTo(start, values);
            var c = center[j];
            var inverse = inverseScale[j];
            for (var i = 0; i < count; i++) block[i * d + j] = (values[i] - c) * inverse;
        }
    }
}
