using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Sampling;
using Pipelines.Statistics;

namespace Pipelines.Augmentation;

/// <summary>
/// Training-only mixup (Zhang et al. 2018): appends round(<see cref="Fraction"/> · n) rows, each mixing two random
/// rows i and j with λ ~ Beta(<see cref="Alpha"/>, <see cref="Alpha"/>): every numeric feature (and the weight)
/// becomes λ·x_i + (1 − λ)·x_j. Our labels are hard classes, so the label, categorical and text columns come from
/// the row with the larger share: i when λ ≥ 0.5, else j. With <see cref="SameClass"/>, j is drawn from i's class,
/// so every new row is a convex combination within one class (that needs a categorical label; rows with a
/// missing label are then never mixed). A missing value in either row gives a missing value. The original rows
/// come first, unchanged.
/// </summary>
public sealed record MixupAugment : TrainingRowStep
{
    /// <summary>Beta shape α &gt; 0 (default 0.2, as in the paper's experiments); small α keeps λ near 0 or 1.</summary>
    public double Alpha { get; init; } = 0.2;

    /// <summary>New rows as a share of the training rows, &gt; 0 (default 1).</summary>
    public double Fraction { get; init; } = 1.0;

    /// <summary>Mix only rows of the same class (default false).</summary>
    public bool SameClass { get; init; }

    /// <summary>Seed of the only source of randomness.</summary>
    public int Seed { get; init; }

    /// <inheritdoc/>
    protected override void Validate(DataFrame input)
    {
        const string step = nameof(MixupAugment);
        if (!(Alpha > 0) || double.IsInfinity(Alpha)) ThrowHelper.BadOption(step, nameof(Alpha), Alpha, "a finite number > 0");
        if (!(Fraction > 0) || double.IsInfinity(Fraction)) ThrowHelper.BadOption(step, nameof(Fraction), Fraction, "a finite number > 0");
        if (SameClass) Resampler.LabelOf(step, input);
    }

    /// <inheritdoc/>
    protected override DataFrame ChangeRows(DataFrame input)
    {
        var count = (int)Math.Round(Fraction * input.RowCount);
        if (count == 0) return input;
        var random = new Random(Seed);
        var first = new int[count];
        var second = new int[count];
        var lambdas = new float[count];
        var dominant = new int[count];
        if (!PickPairs(input, random, first, second)) return input;
        for (var s = 0; s < count; s++)
        {
            var lam = RandomVariates.Beta(random, Alpha, Alpha);
            lambdas[s] = (float)lam;
            dominant[s] = lam >= 0.5 ? first[s] : second[s];
        }
        var numeric = FeatureData.NumericFeatures(input);
        NumericColumn[] columns = input.Weight is { } weight ? [.. numeric, weight] : numeric;
        var buffers = FeatureData.Buffers(columns.Length, count);
        for (var c = 0; c < columns.Length; c++)
        {
            var values = columns[c].Values;
            var target = buffers[c];
            for (var s = 0; s < count; s++)
            {
                var lam = lambdas[s];
                target[s] = lam * values[first[s]] + (1 - lam) * values[second[s]];
            }
        }
        return input.AppendRows(FeatureData.Replace(input, dominant, columns, buffers));
    }

    // Fills the pairs; false when there is nothing to mix (SameClass and no labelled row).
    private bool PickPairs(DataFrame input, Random random, int[] first, int[] second)
    {
        var n = input.RowCount;
        if (!SameClass)
        {
            for (var s = 0; s < first.Length; s++)
            {
                first[s] = random.Next(n);
                second[s] = random.Next(n);
            }
            return true;
        }
        var label = (CategoricalColumn)input.Label!;
        var groups = ClassRows.Of(label);
        var labelled = new List<int>(n);
        for (var i = 0; i < n; i++) if (!label.IsMissing(i)) labelled.Add(i);
        if (labelled.Count == 0) return false;
        for (var s = 0; s < first.Length; s++)
        {
            var i = labelled[random.Next(labelled.Count)];
            var rows = groups[label[i]];
            first[s] = i;
            second[s] = rows[random.Next(rows.Length)];
        }
        return true;
    }
}
