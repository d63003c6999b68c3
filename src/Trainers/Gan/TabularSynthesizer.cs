using Pipelines.Data;
using Pipelines.Trainers.Gan.Training;
using Pipelines.Trainers.Neural;

namespace Pipelines.Trainers.Gan;

/// <summary>
/// Synthetic copies of a table (CTGAN): <see cref="Fit"/> trains a conditional GAN on every row and column (numeric and
/// categorical; the label, if any, is one more categorical column) and returns a <see cref="SynthesizerModel"/> whose
/// <see cref="SynthesizerModel.Sample"/> writes new rows with the same schema. Unconditioned sampling picks conditions
/// by the real category frequencies, so marginals follow the training table.
/// </summary>
public sealed record TabularSynthesizer
{
    public GanOptions Gan { get; init; } = new();

    /// <summary>Receives one report per training epoch.</summary>
    public IProgress<GanProgress>? Progress { get; init; }

    /// <summary>Trains the GAN on <paramref name="table"/> (at least 2 rows; no text columns).</summary>
    public SynthesizerModel Fit(DataFrame table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new SynthesizerModel(CtganTrainer.Fit(table, Gan, Progress));
    }
}

/// <summary>A trained table synthesizer; <see cref="Save"/> and <see cref="Load"/> keep it in a file.</summary>
public sealed class SynthesizerModel
{
    internal SynthesizerModel(CtganModel model) => Model = model;

    /// <summary>The underlying GAN (transformer, condition sampler, generator).</summary>
    public CtganModel Model { get; }

    /// <summary><paramref name="rows"/> synthetic rows with the training table's schema; the same seed gives the same rows.</summary>
    public DataFrame Sample(int rows, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        return Model.Sample(rows, new Generator(seed));
    }

    /// <summary>Writes <paramref name="rows"/> synthetic rows to a CSV file at <paramref name="path"/>.</summary>
    public void SampleToCsv(string path, int rows, int seed = 0) => IO.CsvWriter.Write(Sample(rows, seed), path);

    /// <summary>
    /// Saves the model to <paramref name="path"/> (gzip-compressed JSON, replaced atomically): options, column transforms
    /// and schema, condition sampler and generator weights, so <see cref="Load"/> gives a model that samples the same
    /// rows for the same seed. The critic and optimizer state are not kept: a loaded model samples but does not train on.
    /// </summary>
    public void Save(string path) => SynthesizerFile.Save(path, Model);

    /// <summary>The model saved at <paramref name="path"/> by <see cref="Save"/>; a missing, foreign, damaged or newer file is a clear error naming the path.</summary>
    public static SynthesizerModel Load(string path) => new(SynthesizerFile.Load(path));
}
