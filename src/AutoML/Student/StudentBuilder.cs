using System.Diagnostics;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.Prediction;
using Pipelines.Errors;
using Pipelines.Trainers.Compression;
using Pipelines.Trainers.Distillation;
using Pipelines.Trainers.Mlp;

namespace Pipelines.AutoML.Student;

/// <summary>
/// Compresses a fitted classifier pipeline (the teacher: any <see cref="ITransformer"/> that reads raw rows and outputs
/// Probability.&lt;class&gt; columns, a chain or an ensemble alike) into a small student pipeline:
/// <list type="number">
/// <item>a preprocessing fitted on the training rows that turns raw rows into a few numeric features: drop text and
/// constant columns, impute with missing indicators, signed log for far-tailed numbers, one-hot for narrow categorical
/// columns and target encoding for wide ones (at most <see cref="MaxOneHotCategories"/> categories get one-hot), every
/// step exportable to ONNX;</item>
/// <item>an MLP distilled from the teacher (<see cref="DistillStudent"/>) on the preprocessed training rows plus synthetic
/// rows made in the feature space;</item>
/// <item>gradual magnitude pruning of that MLP (<see cref="MagnitudePruning"/>), fine-tuned on the teacher's predicted
/// classes of the training rows (<see cref="PruneOnTeacherLabels"/>).</item>
/// </list>
/// <para>
/// Design: the teacher is only ever asked about raw rows, since its structure is unknown. Distillation needs its
/// probabilities for every student-space row, synthetic ones included, so the teacher is wrapped in an adapter whose
/// features are the student's and which decodes each row back to a raw row before asking the teacher: numbers and
/// missing values come back exactly (the imputer's indicators say which were missing, the signed log inverts),
/// one-hot blocks as their largest category, target-encoded values as the nearest learned category, and dropped
/// columns as their training value. Real rows therefore get the teacher's own answer (up to target-encoding ties), and
/// synthetic rows get an answer for a plausible raw row. The alternative, generating synthetic rows in raw space and
/// precomputing the teacher's probabilities, would need a distillation trainer that takes precomputed targets; this
/// design reuses <see cref="DistillStudent"/> as it is.
/// </para>
/// <para>
/// Fine-tuning after pruning uses the teacher's labels by default, which keeps the student closer to the teacher than
/// the true labels do (<see cref="PruneOnTeacherLabels"/>).
/// </para>
/// </summary>
public sealed record StudentBuilder
{
    /// <summary>Width of each hidden layer of the student network.</summary>
    public IReadOnlyList<int> HiddenSizes { get; init; } = [32];

    public MlpActivation Activation { get; init; } = MlpActivation.Relu;

    /// <summary>Distillation epochs over the real and synthetic rows.</summary>
    public int Epochs { get; init; } = 15;

    /// <summary>AdamW's starting step size during distillation (cosine-annealed).</summary>
    public float LearningRate { get; init; } = 1e-2f;

    public int BatchSize { get; init; } = 64;

    /// <summary>Softmax temperature of the soft targets.</summary>
    public float Temperature { get; init; } = 3f;

    /// <summary>Weight of the soft-target term; the rest weighs cross-entropy on the true labels.</summary>
    public float Alpha { get; init; } = 0.7f;

    /// <summary>How synthetic rows are made in the student's feature space; null: real rows only.</summary>
    public DistillAugmentation? Augmentation { get; init; } = new();

    /// <summary>Synthetic rows per real row.</summary>
    public int AugmentFactor { get; init; } = 2;

    /// <summary>
    /// Most real rows the student is distilled from: larger data is sampled (stratified) to this many before anything
    /// else. The distillation holds its rows' features several times over (real and synthetic rows, their teacher
    /// labels, the concatenation), so without a cap a run without a time limit on millions of rows needed many times
    /// the data's memory. With a time limit the rows may be cut further (<see cref="TimeLimit"/>).
    /// </summary>
    public int MaxRows { get; init; } = 100_000;

    /// <summary>Categorical columns with at most this many categories are one-hot encoded; wider ones are target encoded.</summary>
    public int MaxOneHotCategories { get; init; } = 16;

    /// <summary>m of the target encoding's m-estimate (rows of prior).</summary>
    public double TargetEncodingSmoothing { get; init; } = 10;

    /// <summary>Share of each layer's weights set to zero by pruning, in [0, 1); 0 skips pruning's masking but still fine-tunes.</summary>
    public double Sparsity { get; init; } = 0.5;

    /// <summary>Steps of the gradual pruning schedule.</summary>
    public int PruningSteps { get; init; } = 4;

    /// <summary>Fine-tuning epochs after each pruning step.</summary>
    public int EpochsPerPruningStep { get; init; } = 2;

    /// <summary>Fine-tuning epochs at the final sparsity.</summary>
    public int PruningFineTuneEpochs { get; init; } = 6;

    /// <summary>
    /// Fine-tune after pruning on the teacher's predicted classes (hard distillation; the default) instead of the true labels, so
    /// pruning pulls the student back toward the teacher rather than toward the training labels. Where the teacher names
    /// one class for every row, the true labels are used, since fine-tuning needs two.
    /// </summary>
    public bool PruneOnTeacherLabels { get; init; } = true;

    /// <summary>AdamW step size of pruning's fine-tuning.</summary>
    public float PruningLearningRate { get; init; } = 1e-3f;

    /// <summary>Seeds the target encoding, synthetic rows, initialization, shuffling, pruning and the row sample.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// A wall-clock limit for <see cref="Build"/>; null (the default) runs the whole workload. With a limit, the teacher's
    /// pace (rows labelled per second) and the network's (rows trained per second) are measured on a few rows, and the
    /// workload is cut to what fits (<see cref="StudentWorkload.Within"/>): fewer distillation and pruning epochs first,
    /// then fewer real rows (a stratified sample). The student then depends on the machine's speed, so leave it null
    /// where runs must be reproducible.
    /// </summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Rows the paces are measured on.</summary>
    private const int PaceRows = 512;

    /// <summary>
    /// Share of the time left after measuring that the planned workload may fill: the estimate leaves out the decoding of
    /// synthetic rows, the feature transforms and pruning's reports, and the machine's load changes while it runs.
    /// </summary>
    private const double PlannedShare = 0.75;

    /// <summary>
    /// Fits the student on <paramref name="train"/> (the rows the teacher was fitted on, label set) from the fitted
    /// <paramref name="teacher"/>.
    /// </summary>
    public StudentModel Build(ITransformer teacher, DataFrame train)
    {
        const string step = nameof(StudentBuilder);
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(train);
        Validate(step);
        if (train.LabelName is null) ThrowHelper.NeedsLabel(step);
        if (LabelTask.Detect(train) == PredictionTask.Regression)
            throw new SchemaException($"{step}: the label '{train.LabelName}' is numeric with many values; a student is distilled for classification labels only.");
        var clock = Stopwatch.StartNew();
        if (train.RowCount > MaxRows) train = train.Take(Split.AtMost(train, MaxRows, Seed));
        var classes = PredictionReader.Classes(teacher, train.Schema, step);
        var task = classes.Count == 2 ? PredictionTask.BinaryClassification : PredictionTask.MulticlassClassification;
        var preprocessing = StudentPreprocessing.Fit(train, MaxOneHotCategories, TargetEncodingSmoothing, Seed);
        var work = Workload(train.RowCount);
        if (TimeLimit is { } limit)
        {
            var (teacherPace, networkPace) = Paces(teacher, preprocessing, train);
            work = work.Within((limit - clock.Elapsed).TotalSeconds * PlannedShare, PruningSteps, Augmentation is null ? 0 : AugmentFactor, teacherPace, networkPace);
        }
        var rows = work.Rows < train.RowCount ? train.Take(Split.AtMost(train, work.Rows, Seed)) : train;
        var features = preprocessing.Chain.Transform(rows);
        var adapter = new TeacherAdapter(teacher, preprocessing.Decoder, task, preprocessing.Features, classes);
        var distilled = new DistillStudent
        {
            Teacher = adapter, HiddenSizes = HiddenSizes, Activation = Activation, Temperature = Temperature, Alpha = Alpha,
            Epochs = work.Epochs, LearningRate = LearningRate, BatchSize = BatchSize, Augmentation = Augmentation,
            AugmentFactor = AugmentFactor, Seed = Seed,
            MinSyntheticRows = 0, // AugmentFactor alone sets the rows: AutoMLJob sizes Epochs for (1 + AugmentFactor) n rows
        }.Fit(features);
        var pruning = new MagnitudePruning
        {
            Sparsity = Sparsity, PruningSteps = PruningSteps, EpochsPerStep = work.EpochsPerPruningStep,
            FineTuneEpochs = work.PruningFineTuneEpochs, LearningRate = PruningLearningRate, BatchSize = BatchSize, Seed = Seed,
        }.Compress(distilled, PruneOnTeacherLabels ? WithTeacherLabels(features, teacher, rows, classes) ?? features : features, features);
        return new StudentModel(preprocessing.Chain, distilled, pruning.Model, pruning.Report) { Workload = work };
    }

    /// <summary>The whole workload on <paramref name="rows"/> real rows, as the options set it.</summary>
    internal StudentWorkload Workload(int rows) => new(rows, Epochs, EpochsPerPruningStep, PruningFineTuneEpochs);

    /// <summary>
    /// Seconds per row of the teacher's predictions and per row-epoch of a network of the student's shape, measured on up
    /// to <see cref="PaceRows"/> rows spread over <paramref name="train"/>. The network is fitted twice and the second fit
    /// timed, so the first one's compilation is not counted.
    /// </summary>
    private (double Teacher, double Network) Paces(ITransformer teacher, StudentPreprocessing preprocessing, DataFrame train)
    {
        var n = Math.Min(PaceRows, train.RowCount);
        var probe = train.Take([.. Enumerable.Range(0, n).Select(i => (int)((long)i * train.RowCount / n))]);
        var watch = Stopwatch.StartNew();
        teacher.Transform(probe);
        var teacherPace = watch.Elapsed.TotalSeconds / n;
        var features = preprocessing.Chain.Transform(probe);
        var network = new MlpClassifier { HiddenSizes = HiddenSizes, Activation = Activation, Epochs = 1, BatchSize = BatchSize, EarlyStoppingPatience = 0, Seed = Seed };
        network.Fit(features);
        watch.Restart();
        network.Fit(features);
        return (teacherPace, watch.Elapsed.TotalSeconds / n);
    }

    // The preprocessed rows with their label replaced by the teacher's predicted class for the raw row: its PredictedLabel
    // (which carries a tuned decision rule, e.g. a threshold for a rare class), or its most probable class without one.
    // Null when the teacher names one class for every row: fine-tuning needs two, so the true labels serve instead.
    private static DataFrame? WithTeacherLabels(DataFrame features, ITransformer teacher, DataFrame train, IReadOnlyList<string> classes)
    {
        var output = teacher.Transform(train);
        var probabilities = PredictionReader.Probabilities(output, classes, nameof(StudentBuilder));
        var codes = Evaluation.ClassificationMetrics.ArgMax(probabilities, classes.Count);
        if (output.Contains(PredictionColumns.PredictedLabel))
        {
            var labels = output[PredictionColumns.PredictedLabel];
            for (var row = 0; row < codes.Length; row++)
            {
                var index = labels.FormatValue(row) is { } name ? classes.OrdinalIndexOf(name) : -1;
                if (index >= 0) codes[row] = index;
            }
        }
        if (codes.Distinct().Take(2).Count() < 2) return null;
        return features.With(new CategoricalColumn(features.LabelName!, codes, [.. classes]));
    }

    private void Validate(string step)
    {
        if (MaxOneHotCategories < 1) ThrowHelper.BadOption(step, nameof(MaxOneHotCategories), MaxOneHotCategories, "at least 1");
        if (MaxRows < StudentWorkload.MinRows) ThrowHelper.BadOption(step, nameof(MaxRows), MaxRows, $"at least {StudentWorkload.MinRows}");
        if (!(TargetEncodingSmoothing >= 0) || double.IsInfinity(TargetEncodingSmoothing))
            ThrowHelper.BadOption(step, nameof(TargetEncodingSmoothing), TargetEncodingSmoothing, "a finite value >= 0");
    }
}
