using System.Runtime.CompilerServices;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Sampling;
using Pipelines.Trainers.Gan.Training;
using Pipelines.Trainers.Neural;

namespace Pipelines.Trainers.Gan;

/// <summary>
/// Over-sampling with a conditional tabular GAN (CTGAN): a GAN is trained once on every training row (features and
/// the label, the label being one of the discrete columns it can be conditioned on), then for each class below its
/// <see cref="Resampler.Strategy"/> target it generates rows with the condition "label = that class" and keeps only the
/// rows whose decoded label is that class, until the target is met. The condition steers the generator but does not
/// force it, so mismatches are rejected; if more than <see cref="MaxDrawsPerRow"/> draws per needed row do not give enough
/// rows of the class, it fails with a clear error rather than relabel rows. Numeric and categorical features are generated
/// (missing values too: see <see cref="Transform.TabularTransformer"/>); text features are refused.
/// </summary>
public sealed record GanOverSample : OverSampler
{
    private static readonly ConditionalWeakTable<DataFrame, TrainedGan> Trained = [];

    /// <summary>The GAN's hyperparameters; its seed is replaced by <see cref="Resampler.Seed"/>.</summary>
    public GanOptions Gan { get; init; } = new();

    /// <summary>Cap on generated rows per row needed before giving up (default 50).</summary>
    public int MaxDrawsPerRow { get; init; } = 50;

    /// <summary>Receives one report per training epoch.</summary>
    public IProgress<GanProgress>? Progress { get; init; }

    /// <inheritdoc/>
    protected override void ValidateOptions()
    {
        if (Gan is null) ThrowHelper.BadOption(StepName, nameof(Gan), null, "GAN options");
        Gan.Validate(StepName);
        if (MaxDrawsPerRow < 1) ThrowHelper.BadOption(StepName, nameof(MaxDrawsPerRow), MaxDrawsPerRow, "at least 1");
    }

    /// <inheritdoc/>
    protected override void ValidateData(DataFrame input, ClassRows groups)
    {
        foreach (var column in input.Columns)
        {
            if (column is TextColumn)
                throw new SchemaException($"{StepName}: column '{column.Name}' is Text; a GAN generates numeric and categorical columns only. Drop or encode text columns first.");
        }
    }

    /// <inheritdoc/>
    protected override DataFrame Synthesize(DataFrame input, ReadOnlySpan<int> classRows, int count, Random random)
    {
        var model = ModelFor(input);
        var label = (CategoricalColumn)input.Label!;
        var code = label[classRows[0]];
        var labelIndex = input.Schema.IndexOf(label.Name);
        var discrete = -1;
        for (var d = 0; d < model.Transformer.Discrete.Count; d++) if (model.Transformer.Discrete[d].Column == labelIndex) discrete = d;
        var generator = new Generator(random.Next());
        var kept = new List<DataFrame>();
        var have = 0;
        var drawn = 0;
        var cap = (long)count * MaxDrawsPerRow;
        while (have < count)
        {
            if (drawn >= cap)
                throw new DataValueException(
                    $"{StepName}: generated {drawn} rows conditioned on class '{label.Categories[code]}' of '{label.Name}', but only {have} of the " +
                    $"{count} needed came out as that class. Train the GAN longer (Gan.Epochs = {Gan.Epochs}), raise {nameof(MaxDrawsPerRow)}, or use another over-sampler.");
            var batch = (int)Math.Min(Math.Max(2 * (count - have), 64), cap - drawn);
            var rows = model.SampleConditioned(batch, discrete, code, generator);
            drawn += batch;
            var codes = ((CategoricalColumn)rows[label.Name]).Codes;
            var match = new List<int>(batch);
            for (var i = 0; i < batch && have + match.Count < count; i++) if (codes[i] == code) match.Add(i);
            if (match.Count == 0) continue;
            kept.Add(rows.Take(match.ToArray()));
            have += match.Count;
        }
        var result = kept[0];
        for (var i = 1; i < kept.Count; i++) result = result.AppendRows(kept[i]);
        return result;
    }

    /// <summary>The GAN trained on <paramref name="input"/> with these options: trained once, reused for every class of the same fit.</summary>
    private CtganModel ModelFor(DataFrame input)
    {
        var options = Gan with { Seed = Seed };
        var holder = Trained.GetOrCreateValue(input);
        lock (holder)
        {
            if (holder.Model is null || holder.Options != options)
            {
                holder.Model = CtganTrainer.Fit(input, options, Progress);
                holder.Options = options;
            }
            return holder.Model;
        }
    }

    private sealed class TrainedGan
    {
        public GanOptions? Options { get; set; }
        public CtganModel? Model { get; set; }
    }
}
