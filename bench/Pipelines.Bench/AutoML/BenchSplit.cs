using Pipelines.AutoML.Experiments;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.IO;

namespace Pipelines.Bench.AutoML;

/// <summary>
/// One data set's seeded stratified 75/25 split as every contender sees it: the frame with its label read for the
/// set's task (<see cref="LabelTask.Read"/>: a manifest's "regression" keeps a count's whole numbers as values), its train
/// and test parts, and the label target that scores a model's predictions on the test rows the way the experiment
/// scores its trials.
/// </summary>
internal sealed class BenchSplit
{
    private BenchSplit(string name, DataFrame frame, PredictionTask task, Fold fold)
    {
        Name = name;
        Frame = frame;
        Fold = fold;
        Train = frame.Take(fold.Train);
        Test = frame.Take(fold.Test);
        Target = ExperimentTarget.Of(frame, task);
        TextColumns = [.. frame.Schema.Features.Where(c => c.Kind == ColumnKind.Text).Select(c => c.Name)];
    }

    public string Name { get; }
    public DataFrame Frame { get; }
    public Fold Fold { get; }
    public DataFrame Train { get; }
    public DataFrame Test { get; }
    public ExperimentTarget Target { get; }

    /// <summary>Free-text features: the experiment drops them itself; the default learners and the peer get frames without them.</summary>
    public IReadOnlyList<string> TextColumns { get; }

    public static BenchSplit Read(string path, string label, int seed, TaskChoice task = TaskChoice.Auto)
    {
        var (frame, read) = LabelTask.Read(CsvReader.Read(path, new CsvOptions { Label = label }), task);
        return new BenchSplit(Path.GetFileName(path), frame, read, Split.TrainTest(frame, 0.25, seed));
    }

    /// <summary><paramref name="metric"/> and accuracy of <paramref name="model"/> on the test rows.</summary>
    public (double Score, double Accuracy) Score(ITransformer model, Metric metric)
    {
        var scores = Target.Scores(model.Transform(Test), Fold.Test);
        return (scores[metric.ToString()], scores[nameof(Metric.Accuracy)]);
    }
}
