using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.SearchSpace;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.IO;
using Pipelines.Transforms.Cleaning;

namespace Pipelines.AutoML.Sweeps.Workers;

/// <summary>
/// A worker study's data as its trials see it, prepared as the in-process experiment prepares it (class label, text
/// feature columns left out), with what evaluating and refitting a trial need: the space, the validation plan and the
/// pipeline builder.
/// </summary>
internal sealed class StudyData
{
    private StudyData(string path, DataSchema fileSchema, DataFrame frame, PredictionTask task, string[] dropped, IReadOnlyList<ILearnerSpace> learners)
    {
        Path = path;
        FileSchema = fileSchema;
        Frame = frame;
        Dropped = dropped;
        Learners = learners;
        Task = task;
        Target = ExperimentTarget.Of(frame, Task);
        Fingerprint = StudyFingerprint.Compute(frame, "");
    }

    public string Path { get; }

    /// <summary>The schema of the file as read (what a saved pipeline takes as input), with the conventions it was written in (<see cref="ColumnConventions"/>) and its categories (<see cref="ColumnSchema.Categories"/>).</summary>
    public DataSchema FileSchema { get; }

    /// <summary>The rows the trials train and validate on.</summary>
    public DataFrame Frame { get; }

    /// <summary>Text feature columns left out of the search.</summary>
    public string[] Dropped { get; }

    public IReadOnlyList<ILearnerSpace> Learners { get; }

    public PredictionTask Task { get; }

    public ExperimentTarget Target { get; }

    /// <summary>SHA-256 over the prepared data (<see cref="StudyFingerprint"/>).</summary>
    public string Fingerprint { get; }

    /// <summary>
    /// Reads <paramref name="path"/> with <paramref name="label"/> as the label, read as <paramref name="task"/> asks,
    /// without the columns <paramref name="ignore"/> names (<see cref="Job.IgnoredColumns"/>), from worksheet
    /// <paramref name="sheet"/> where it is a workbook (null: its first).
    /// </summary>
    public static StudyData Load(string path, string label, TaskChoice task, IReadOnlyList<ILearnerSpace>? learners, IReadOnlyList<string> ignore, string? sheet = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new PipelineException($"{full}: no such data file on this host. Workers read the study's data at the path given to 'sweep create'; mount it there, or give the worker --data PATH.");
        var conventions = new ColumnConventions();
        var raw = CsvReader.Read(full, new CsvOptions { Label = label, Sheet = sheet }, conventions: conventions);
        if (raw.Label is null) throw new SchemaException($"The study's label '{label}' is not a column of {full}.");
        if (ignore.Count > 0) raw = Job.IgnoredColumns.Drop(raw, ignore, full);
        var dropped = raw.Schema.Features.Where(c => c.Kind == ColumnKind.Text).Select(c => c.Name).ToArray();
        var (frame, read) = LabelTask.Read(raw, task);
        return new StudyData(full, conventions.ModelInputs(raw), frame.Without(dropped), read, dropped, learners ?? SearchSpaceCatalog.DefaultLearners);
    }

    /// <summary>Throws unless this is the data <paramref name="study"/> was created with.</summary>
    public void CheckFingerprint(WorkerStudy study, string name)
    {
        if (Fingerprint != study.DataFingerprint)
        {
            throw new PipelineException(
                $"{Path} is not the data study '{name}' was created with (fingerprint {Fingerprint[..12]}, the study's {study.DataFingerprint[..12]}): " +
                "the file differs on this host or changed since. Give every worker the same file.");
        }
    }

    /// <summary>The space the study searches.</summary>
    public ParameterSpace Space(WorkerStudy study) =>
        SweepSpace.Create(SearchSpaceJson.Read(study.Space), study.Learner, Task, Learners);

    /// <summary>The study's evaluator: its folds, metric and seed over these rows.</summary>
    public TrialEvaluator Evaluator(WorkerStudy study) =>
        new(Frame, Target, ValidationPlan.Create(Frame, study.Folds, study.Seed), new TrialScorer(Target, study.Metric, DecisionPolicy.Auto), Build, study.Seed);

    /// <summary><paramref name="parameters"/> refit on all rows; the pipeline takes the file's columns (text ones dropped first).</summary>
    public ITransformer Refit(Parameters parameters, int seed)
    {
        using var context = TrainingContext.Enter(CancellationToken.None);
        var model = Build(parameters, seed).Fit(Frame);
        return Dropped.Length == 0 ? model : new TransformerChain([new ColumnDropper(Dropped), model]);
    }

    private EstimatorChain Build(Parameters parameters, int seed) => PipelineFactory.Create(parameters, Frame.Schema, Task, Learners, seed);
}
