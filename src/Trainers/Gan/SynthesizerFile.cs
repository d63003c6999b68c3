using System.IO.Compression;
using System.Text.Json;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.IO;
using Pipelines.Persistence;
using Pipelines.Trainers.Gan.Conditioning;
using Pipelines.Trainers.Gan.Networks;
using Pipelines.Trainers.Gan.Training;
using Pipelines.Trainers.Gan.Transform;
using Pipelines.Trainers.Neural;
using Pipelines.Trainers.Neural.Modules;

namespace Pipelines.Trainers.Gan;

/// <summary>
/// Writes and reads trained synthesizers in the form of <see cref="PipelineFile"/>: gzip-compressed JSON with a header
/// (format name and version, producer, creation time), then what sampling needs as plain records: the options, each
/// column's transform with its name, kind and role, the condition sampler's slot counts, and the generator's parameters
/// and batch-norm running statistics. Loading rebuilds the generator from the options and columns and copies the
/// weights in, so a loaded model samples exactly as the saved one. Floats are written in shortest round-trip form with
/// NaN and infinities named (<see cref="PipelineFile.JsonOptions"/>), so every value comes back bit for bit.
/// </summary>
internal static class SynthesizerFile
{
    public const string FormatName = "pipelines.synthesizer";
    public const int FormatVersion = 1;

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> through a temporary file renamed into place.</summary>
    public static void Save(string path, CtganModel model)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(model);
        var transformer = model.Transformer;
        var envelope = new Envelope(
            FormatName, FormatVersion, PipelineFile.Producer, DateTime.UtcNow,
            OptionsState.From(model.Options),
            [.. transformer.Columns.Select(c => ColumnState.From(c, transformer))],
            new SamplerState(model.Sampler.RowCount, [.. model.Sampler.SlotCounts.Select(c => c.ToArray())]),
            [.. model.Generator.StateDict().Entries.Select(e => new TensorState(e.Name, e.Shape, e.Values))]);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        AtomicFile.Write(path, file =>
        {
            using var gzip = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true);
            JsonSerializer.Serialize(gzip, envelope, PipelineFile.JsonOptions);
        });
    }

    /// <summary>The model saved at <paramref name="path"/>; every way the file can be wrong is a <see cref="PipelineException"/> naming the path.</summary>
    public static CtganModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
            throw new PipelineException($"{path}: no such synthesizer file. Check the path, or fit a TabularSynthesizer and save its model first.");
        var envelope = Read(path);
        try
        {
            return Rebuild(path, envelope);
        }
        catch (Exception e) when (e is ArgumentException or SchemaException)
        {
            // A constructor refused the stored state (mixture lengths, options, duplicate columns, tensor names or shapes).
            var what = e is ArgumentException { ParamName: { } name } ? e.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : e.Message;
            throw Invalid(path, what, e);
        }
    }

    /// <summary>
    /// Checks the gzip magic, the gzip trailer, the format name and the version before reading the body, so a pipeline
    /// file or a newer file is named as such. The trailer check matters: the decompressor verifies the checksum only when
    /// it reaches the trailer, and a file cut inside the trailer would otherwise read as complete.
    /// </summary>
    private static Envelope Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 2 || bytes[0] != 0x1f || bytes[1] != 0x8b)
            throw new ModelFormatException($"{path}: not a synthesizer file (it is not gzip-compressed). Pass a file written by SynthesizerModel.Save.");
        using var json = new MemoryStream();
        try
        {
            using (var gzip = new GzipInputStream(new MemoryStream(bytes))) gzip.CopyTo(json);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw Corrupted(path, e.Message, e);
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.GetBuffer().AsMemory(0, (int)json.Length));
        }
        catch (JsonException e)
        {
            throw Corrupted(path, e.Message, e);
        }
        using (document)
        {
            var root = document.RootElement;
            var format = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            if (format == PipelineFile.FormatName)
                throw new ModelFormatException($"{path}: this is a pipeline file ('{format}'), not a synthesizer. Load it with PipelineFile.Load, or pass a file written by SynthesizerModel.Save.");
            if (format != FormatName)
                throw new ModelFormatException(
                    $"{path}: not a synthesizer file ({(format is null ? "no format name" : $"format '{format}'")}, expected '{FormatName}'). Pass a file written by SynthesizerModel.Save.");
            if (!root.TryGetProperty("formatVersion", out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var version))
                throw new ModelFormatException($"{path}: the synthesizer file has no valid format version. Save the model again.");
            if (version != FormatVersion)
            {
                var producer = root.TryGetProperty("producer", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : "an unknown producer";
                throw new ModelFormatException(
                    $"{path}: written in synthesizer format version {version} by {producer}; this is {PipelineFile.Producer}, which reads version {FormatVersion}. " +
                    (version > FormatVersion ? "Upgrade to read it." : "Fit and save the synthesizer again with this version."));
            }
            try
            {
                return root.Deserialize<Envelope>(PipelineFile.JsonOptions) ?? throw Invalid(path, "the content is null");
            }
            catch (JsonException e)
            {
                throw Corrupted(path, e.Message, e);
            }
        }
    }

    private static CtganModel Rebuild(string path, Envelope envelope)
    {
        var options = (envelope.Options ?? throw Invalid(path, "no options")).ToOptions();
        options.Validate("Synthesizer file");
        if (envelope.Columns is not { Length: > 0 } columns) throw Invalid(path, "no columns");
        var transforms = columns.Select(c => c.ToTransform(path)).ToArray();
        var schema = new DataSchema(columns.Select(c => new ColumnSchema(c.Name, c.Kind, c.Role)));
        if (schema.Weight is { Kind: not ColumnKind.Numeric } weight) throw Invalid(path, $"the weight column '{weight.Name}' is {weight.Kind}");
        var transformer = new TabularTransformer(transforms, schema.Label?.Name, schema.Weight?.Name);
        var sampler = (envelope.Sampler ?? throw Invalid(path, "no condition sampler")).ToSampler(path, transformer);
        var generator = new CtganGenerator(options.NoiseDim + transformer.ConditionDimension, options.GeneratorDims, transformer.Dimension, new Generator(0));
        if (envelope.Generator is null) throw Invalid(path, "no generator weights");
        generator.LoadStateDict(new StateDict([.. envelope.Generator.Select(t => t.ToEntry(path))]));
        return new CtganModel(options, transformer, sampler, generator);
    }

    private static ModelFormatException Corrupted(string path, string what, Exception? inner = null)
    {
        var message = $"{path}: the synthesizer file is corrupted or truncated ({what}). Save the model again.";
        return inner is null ? new ModelFormatException(message) : new ModelFormatException(message, inner);
    }

    private static ModelFormatException Invalid(string path, string what, Exception? inner = null)
    {
        var message = $"{path}: the synthesizer file holds invalid state ({what}). It was edited or damaged; save the model again.";
        return inner is null ? new ModelFormatException(message) : new ModelFormatException(message, inner);
    }

    private sealed record Envelope(
        string Format, int FormatVersion, string? Producer, DateTime CreatedUtc,
        OptionsState? Options, ColumnState[]? Columns, SamplerState? Sampler, TensorState[]? Generator);

    /// <summary>Every <see cref="GanOptions"/> value, so a loaded model reports the options it was trained with.</summary>
    private sealed record OptionsState(
        int Epochs, int BatchSize, int NoiseDim, int[] GeneratorDims, int[] CriticDims, int Pac, float CriticDropout, int CriticSteps,
        float GeneratorLearningRate, float CriticLearningRate, float Beta1, float Beta2, float WeightDecay, float GradientPenalty,
        float Tau, int MaxModes, int Seed)
    {
        public static OptionsState From(GanOptions o) => new(
            o.Epochs, o.BatchSize, o.NoiseDim, [.. o.GeneratorDims], [.. o.CriticDims], o.Pac, o.CriticDropout, o.CriticSteps,
            o.GeneratorLearningRate, o.CriticLearningRate, o.Beta1, o.Beta2, o.WeightDecay, o.GradientPenalty, o.Tau, o.MaxModes, o.Seed);

        public GanOptions ToOptions() => new()
        {
            Epochs = Epochs, BatchSize = BatchSize, NoiseDim = NoiseDim, GeneratorDims = GeneratorDims, CriticDims = CriticDims, Pac = Pac,
            CriticDropout = CriticDropout, CriticSteps = CriticSteps, GeneratorLearningRate = GeneratorLearningRate,
            CriticLearningRate = CriticLearningRate, Beta1 = Beta1, Beta2 = Beta2, WeightDecay = WeightDecay,
            GradientPenalty = GradientPenalty, Tau = Tau, MaxModes = MaxModes, Seed = Seed,
        };
    }

    /// <summary>One column of the training frame, in frame order: its schema entry and its transform (one of the two parts, by kind).</summary>
    private sealed record ColumnState(string Name, ColumnKind Kind, ColumnRole Role, NumericState? Numeric, CategoricalState? Categorical)
    {
        public static ColumnState From(ColumnTransform transform, TabularTransformer transformer)
        {
            var role = transform.Name == transformer.LabelName ? ColumnRole.Label
                : transform.Name == transformer.WeightName ? ColumnRole.Weight
                : ColumnRole.Feature;
            return transform switch
            {
                NumericColumnTransform n => new(n.Name, ColumnKind.Numeric, role,
                    new NumericState([.. n.Mixture.Weights], [.. n.Mixture.Means], [.. n.Mixture.Stds], n.Min, n.Max, n.IsInteger, n.HasMissing), null),
                CategoricalColumnTransform c => new(c.Name, ColumnKind.Categorical, role, null,
                    new CategoricalState([.. c.Categories], c.HasMissing, [.. c.Counts])),
                _ => throw new NotSupportedException($"Synthesizer file: no format for the transform of column '{transform.Name}' ({transform.GetType().Name})."),
            };
        }

        public ColumnTransform ToTransform(string path)
        {
            if (string.IsNullOrEmpty(Name)) throw Invalid(path, "a column without a name");
            return Kind switch
            {
                ColumnKind.Numeric when Numeric is { } n && Categorical is null => n.ToTransform(path, Name),
                ColumnKind.Categorical when Categorical is { } c && Numeric is null => c.ToTransform(path, Name),
                ColumnKind.Numeric or ColumnKind.Categorical => throw Invalid(path, $"column '{Name}' is {Kind} but does not hold exactly the transform of that kind"),
                _ => throw Invalid(path, $"column '{Name}' is {Kind}; a synthesizer models numeric and categorical columns only"),
            };
        }
    }

    /// <summary>A numeric column's Gaussian mixture (weights, means, standard deviations), observed range and flags.</summary>
    private sealed record NumericState(double[]? Weights, double[]? Means, double[]? Stds, float Min, float Max, bool IsInteger, bool HasMissing)
    {
        public NumericColumnTransform ToTransform(string path, string name)
        {
            if (Weights is null || Means is null || Stds is null) throw Invalid(path, $"column '{name}' has no mixture parameters");
            return new(name, GaussianMixture1d.FromParameters(Weights, Means, Stds), Min, Max, IsInteger, HasMissing);
        }
    }

    /// <summary>A categorical column's categories, whether it had missing values, and the training count of each slot.</summary>
    private sealed record CategoricalState(string[]? Categories, bool HasMissing, int[]? Counts)
    {
        public CategoricalColumnTransform ToTransform(string path, string name)
        {
            if (Categories is null || Counts is null || Categories.Any(c => c is null)) throw Invalid(path, $"column '{name}' has no categories or counts");
            var width = Categories.Length + (HasMissing ? 1 : 0);
            if (width == 0) throw Invalid(path, $"column '{name}' has no categories");
            if (Counts.Length != width) throw Invalid(path, $"column '{name}' has {Counts.Length} slot counts for {width} slots");
            return new(name, Categories, HasMissing, Counts);
        }
    }

    /// <summary>The condition sampler: training row count and rows per slot of each discrete column.</summary>
    private sealed record SamplerState(int Rows, int[][]? SlotCounts)
    {
        public ConditionSampler ToSampler(string path, TabularTransformer transformer)
        {
            var discrete = transformer.Discrete;
            if (Rows < 0 || SlotCounts is null || SlotCounts.Length != discrete.Count)
                throw Invalid(path, $"the condition sampler needs slot counts for {discrete.Count} categorical columns and a row count");
            for (var d = 0; d < discrete.Count; d++)
            {
                var name = transformer.Columns[discrete[d].Column].Name;
                if (SlotCounts[d] is not { } counts || counts.Length != discrete[d].Span.Width || counts.Any(n => n < 0))
                    throw Invalid(path, $"the condition sampler's counts for column '{name}' do not match its {discrete[d].Span.Width} slots");
            }
            return new ConditionSampler(transformer, Rows, SlotCounts);
        }
    }

    /// <summary>One generator tensor by its module path ("0.fc.weight", "0.bn.running_mean"): shape and row-major values.</summary>
    private sealed record TensorState(string Name, int[]? Shape, float[]? Values)
    {
        public StateEntry ToEntry(string path)
        {
            if (string.IsNullOrEmpty(Name) || Shape is null || Values is null) throw Invalid(path, "a generator tensor without a name, shape or values");
            var count = Shape.Aggregate(1L, (product, n) => product * n);
            if (Shape.Any(n => n < 0) || count != Values.Length)
                throw Invalid(path, $"generator tensor '{Name}' has {Values.Length} values but its shape [{string.Join(", ", Shape)}] needs {count}");
            return new(Name, Values, Shape);
        }
    }
}
