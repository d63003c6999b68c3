using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Evaluation;
using Pipelines.IO;
using Pipelines.Trainers.Distillation;
using Pipelines.Trainers.Trees;
using Pipelines.Trainers.Tests.Mlp;

namespace Pipelines.Trainers.Tests.Distillation;

[TestClass]
public sealed class DistillStudentTests
{
    private static (DataFrame Train, DataFrame Test) Load(string file, string label)
    {
        var data = CsvReader.Read(RepoData.Path(file), new CsvOptions { Label = label });
        var fold = Split.TrainTest(data, 0.25, seed: 42);
        return (data.Take(fold.Train), data.Take(fold.Test));
    }

    [TestMethod]
    [DataRow("iris.csv", "species", 16)]
    [DataRow("breast_cancer.csv", "diagnosis", 6)]
    public void StudentKeepsTheTeachersAccuracyWithATenthOfItsParameters(string file, string label, int hidden)
    {
        var (train, test) = Load(file, label);
        var teacher = new GbdtClassifier { Seed = 0, Threads = 1 }.Fit(train);
        // The defaults but for fewer synthetic rows and epochs, to keep the test fast.
        var student = new DistillStudent { Teacher = teacher, HiddenSizes = [hidden], Epochs = 30, MinSyntheticRows = 1024, AugmentFactor = 2, Seed = 1 }.Fit(train);
        var report = DistillationReport.Measure(teacher, student, test);
        Console.WriteLine($"{file}: {report}");
        Assert.IsTrue(report.ParameterRatio <= 0.1, $"{file}: {report}");
        Assert.IsTrue(report.AccuracyRetained >= 0.98, $"{file}: {report}");
        Assert.IsTrue(report.Fidelity >= 0.98, $"{file}: {report}");
        CollectionAssert.AreEqual(teacher.Classes.ToArray(), student.Classes.ToArray());
    }

    [TestMethod]
    public void AugmentedRowsAreLabelledByTheTeacher()
    {
        var (train, _) = Load("iris.csv", "species");
        var teacher = new GbdtClassifier { Rounds = 10, Seed = 0, Threads = 1 }.Fit(train);
        var source = new FixedRows(teacher.Features);
        var augmentation = new DistillAugmentation { NoiseScale = 0.2, SwapProbability = 0.2, MixupAlpha = 0.4, BoundarySearchSteps = 6, RowSource = source };
        var options = new DistillStudent { Teacher = teacher, Augmentation = augmentation, AugmentFactor = 4, MinSyntheticRows = 0, ValidationRows = 40, Seed = 5 };
        var set = DistillationSet.Build("test", options, train);
        var n = train.RowCount;
        var d = teacher.Features.Count;
        var k = teacher.Classes.Count;
        Assert.AreEqual(5 * n, set.Rows);
        Assert.AreEqual(n, set.RealRows);
        Assert.AreEqual(40, set.ValidationRows);
        Assert.AreEqual(n + 10, source.Asked, "a quarter of the 4n synthetic and of the 40 held-out rows come from the row source");
        Assert.IsTrue(set.Targets.Skip(n).All(t => t == -1), "synthetic rows have no true class");
        Assert.IsTrue(set.Targets.Take(n).All(t => t >= 0 && t < k));
        var synthetic = set.Features[(n * d)..];
        var expected = teacher.Predict(DistillationSet.Frame(teacher.Features, synthetic, 4 * n));
        CollectionAssert.AreEqual(expected, set.TeacherProbabilities[(n * k)..]);
        var realExpected = teacher.Predict(train);
        CollectionAssert.AreEqual(realExpected, set.TeacherProbabilities[..(n * k)]);
        CollectionAssert.AreEqual(teacher.Predict(DistillationSet.Frame(teacher.Features, set.ValidationFeatures, 40)), set.ValidationProbabilities);
        // Synthetic rows differ from real rows, and the source's rows are among them.
        Assert.IsFalse(synthetic.AsSpan(0, d).SequenceEqual(set.Features.AsSpan(0, d)));
        Assert.IsTrue(Enumerable.Range(0, 4 * n).Any(r => synthetic.AsSpan(r * d, d).SequenceEqual(source.Row)));
        Assert.IsFalse(set.ValidationFeatures.AsSpan(0, d).SequenceEqual(synthetic.AsSpan(0, d)), "held-out rows come from another seed");
    }

    [TestMethod]
    public void SmallSetsGetAtLeastMinSyntheticRows()
    {
        var (train, _) = Load("iris.csv", "species");
        var teacher = new GbdtClassifier { Rounds = 5, Seed = 0, Threads = 1 }.Fit(train);
        var options = new DistillStudent { Teacher = teacher, AugmentFactor = 2, MinSyntheticRows = 1000, ValidationRows = 0, Seed = 1 };
        Assert.AreEqual(train.RowCount + 1000, DistillationSet.Build("test", options, train).Rows);
        Assert.AreEqual(3 * train.RowCount, DistillationSet.Build("test", options with { MinSyntheticRows = 10 }, train).Rows);
        var none = DistillationSet.Build("test", options with { Augmentation = null, ValidationRows = 100 }, train);
        Assert.AreEqual((train.RowCount, 0), (none.Rows, none.ValidationRows), "no augmentation: real rows only, nothing held out");
    }

    [TestMethod]
    public void SameSeedGivesTheSameStudentAndAnotherSeedAnother()
    {
        var (train, _) = Load("iris.csv", "species");
        var teacher = new GbdtClassifier { Rounds = 10, Seed = 0, Threads = 1 }.Fit(train);
        var options = new DistillStudent { Teacher = teacher, HiddenSizes = [8], Epochs = 5, Seed = 3 };
        var a = options.Fit(train);
        var b = options.Fit(train);
        var c = (options with { Seed = 4 }).Fit(train);
        CollectionAssert.AreEqual(a.Predict(train), b.Predict(train));
        CollectionAssert.AreNotEqual(a.Predict(train), c.Predict(train));
    }

    [TestMethod]
    public void AClassTheTeacherDoesNotKnowIsAClearError()
    {
        var (train, _) = Load("iris.csv", "species");
        var species = train.Categorical("species");
        var rows = Enumerable.Range(0, train.RowCount).Where(r => species.ValueAt(r) != "virginica").ToArray();
        var two = train.Take(rows).With(CategoricalColumn.FromValues("species", [.. rows.Select(species.ValueAt)]));
        Assert.AreEqual(2, new GbdtClassifier { Rounds = 1 }.Fit(two).Classes.Count);
        var teacher = new GbdtClassifier { Rounds = 5, Seed = 0, Threads = 1 }.Fit(two);
        var error = Assert.ThrowsExactly<DataValueException>(() => new DistillStudent { Teacher = teacher, Epochs = 1 }.Fit(train));
        StringAssert.Contains(error.Message, "virginica");
    }

    [TestMethod]
    public void ModelSizeCountsMlpWeightsAndBiases()
    {
        var (train, _) = Load("iris.csv", "species");
        var teacher = new GbdtClassifier { Rounds = 3, Seed = 0, Threads = 1 }.Fit(train);
        var student = new DistillStudent { Teacher = teacher, HiddenSizes = [5], Epochs = 1 }.Fit(train);
        Assert.AreEqual(4 * 5 + 5 + 5 * 3 + 3, ModelSize.Parameters(student));
        var nodes = teacher.Trees.Sum(t => t.NodeCount);
        var leaves = teacher.Trees.Sum(t => t.LeftChild.Count(c => c < 0));
        Assert.AreEqual(teacher.BaseScores.Count + leaves + 2L * (nodes - leaves), ModelSize.Parameters(teacher));
    }

    [TestMethod]
    public void BadOptionsAreRefused()
    {
        var (train, _) = Load("iris.csv", "species");
        var teacher = new GbdtClassifier { Rounds = 2, Seed = 0, Threads = 1 }.Fit(train);
        var options = new DistillStudent { Teacher = teacher, Epochs = 1 };
        Assert.ThrowsExactly<ArgumentException>(() => (options with { MinSyntheticRows = -1 }).Fit(train));
        Assert.ThrowsExactly<ArgumentException>(() => (options with { ValidationRows = -1 }).Fit(train));
        Assert.ThrowsExactly<ArgumentException>(() => (options with { EarlyStoppingPatience = -1 }).Fit(train));
        Assert.ThrowsExactly<ArgumentException>(() => (options with { Augmentation = new DistillAugmentation { BoundarySearchSteps = 31 } }).Fit(train));
        var nothing = new DistillAugmentation { NoiseScale = 0, SwapProbability = 0, MixupAlpha = 0, BoundarySearchSteps = 0 };
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => (options with { Augmentation = nothing }).Fit(train)).Message, "makes no rows");
    }

    private sealed class FixedRows(IReadOnlyList<string> features) : IRowSource
    {
        public float[] Row { get; } = [.. Enumerable.Range(0, features.Count).Select(j => 1.5f + j)];

        public int Asked { get; private set; }

        public DataFrame Sample(int rows, int seed)
        {
            Asked += rows;
            return new DataFrame(features.Select((f, j) => (Column)new NumericColumn(f, Enumerable.Repeat(Row[j], rows).ToArray())));
        }
    }
}
