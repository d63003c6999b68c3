using Pipelines.AutoML.Student;
using Pipelines.AutoML.Tests.Experiments;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.Transforms.Cleaning;
using Pipelines.Transforms.Encoding;
using Pipelines.Trainers.Trees;

namespace Pipelines.AutoML.Tests.Student;

/// <summary>Seeded 75/25 stratified splits of the shipped data sets, the teachers the student tests distil, and their students.</summary>
internal static class StudentData
{
    private static readonly Lazy<(DataFrame Train, DataFrame Test)> Churn = new(() => SplitOf(TestData.Read("messy_churn.csv", "churned")));
    private static readonly Lazy<(DataFrame Train, DataFrame Test)> IrisSplit = new(() => SplitOf(TestData.Iris()));
    private static readonly Lazy<TransformerChain> DroppingTeacher = new(() => GbdtTeacher(ChurnTrain));
    private static readonly Lazy<StudentModel> DroppingStudent = new(() => new StudentBuilder { Seed = 1 }.Build(ChurnTeacher, ChurnTrain));
    private static readonly Lazy<TransformerChain> IrisGbdt = new(() => GbdtTeacher(IrisTrain));

    /// <summary>Short latency measurements for tests that do not print timings.</summary>
    public static LatencyOptions QuickLatency { get; } = new() { MinMilliseconds = 5, MaxSingleRows = 20 };

    /// <summary>messy_churn training rows (customer_id, a text column, included).</summary>
    public static DataFrame ChurnTrain => Churn.Value.Train;

    public static DataFrame ChurnTest => Churn.Value.Test;

    public static DataFrame IrisTrain => IrisSplit.Value.Train;

    public static DataFrame IrisTest => IrisSplit.Value.Test;

    /// <summary>ColumnDropper(customer_id) → ImputeMissing → OneHotEncode(16) → GBDT, fitted on the churn training rows.</summary>
    public static TransformerChain ChurnTeacher => DroppingTeacher.Value;

    /// <summary>The default student (seed 1) of <see cref="ChurnTeacher"/>.</summary>
    public static StudentModel ChurnStudent => DroppingStudent.Value;

    /// <summary>The GBDT teacher of the iris training rows (three classes).</summary>
    public static TransformerChain IrisTeacher => IrisGbdt.Value;

    /// <summary>
    /// ColumnDropper(text columns) → ImputeMissing → OneHotEncode(16) → GBDT (100 rounds of 8 leaves at learning rate 0.05:
    /// on churn the default 31 leaves overfit to below the majority class's share).
    /// </summary>
    public static TransformerChain GbdtTeacher(DataFrame train)
    {
        var text = train.Features.Where(c => c.Kind == ColumnKind.Text).Select(c => c.Name).ToArray();
        var dropper = new ColumnDropper(text);
        return new TransformerChain([dropper, .. GbdtChain().Fit(dropper.Transform(train)).Steps]);
    }

    /// <summary>ImputeMissing → OneHotEncode(16) → GBDT, unfitted.</summary>
    public static EstimatorChain GbdtChain() =>
        new ImputeMissing()
            .Append(new OneHotEncode(MaxCategories: 16))
            .Append(new GbdtClassifier { Rounds = 100, NumLeaves = 8, LearningRate = 0.05, Seed = 0, Threads = 1 });

    private static (DataFrame, DataFrame) SplitOf(DataFrame data)
    {
        var fold = Split.TrainTest(data, 0.25, seed: 42);
        return (data.Take(fold.Train), data.Take(fold.Test));
    }
}
