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
        var student = new DistillStudent { Teacher = teacher, HiddenSizes = [hidden], Epochs = 30, Seed = 1 }.Fit(train);
        var report = DistillationReport.Measure(teacher, student, test);
        Console.WriteLine($"{file}: {report}");
        Assert.IsTrue(report.ParameterRatio <= 0.1, $"{file}: {report}");
        Assert.IsTrue(report.AccuracyRetained >= 0.95, $"{file}: {report}");
        CollectionAssert.AreEqual(teacher.Classes.ToArray(), student.Classes.ToArray());
    }

    [TestMethod]
    public void AugmentedRowsAreLabelledByTheTeacher()
    {
        var (train, _) = Load("iris.csv", "species");
        var teacher = new GbdtClassifier { Rounds = 10, Seed = 0, Threads = 1 }.Fit(train);
        var source = new FixedRows(teacher.Features);
        var augmentation = new DistillAugmentation { NoiseScale = 0.2, SwapProbability = 0.2, MixupAlpha = 0.4, RowSource = source };
        var set = DistillationSet.Build("test", teacher, train, augmentation, augmentFactor: 3, seed: 5);
        var n = train.RowCount;
        var d = teacher.Features.Count;
        var k = teacher.Classes.Count;
        Assert.AreEqual(4 * n, set.Rows);
        Assert.AreEqual(n, set.RealRows);
        Assert.AreEqual(n, source.Asked, "one third of the 3n synthetic rows come from the row source");
        Assert.IsTrue(set.Targets.Skip(n).All(t => t == -1), "synthetic rows have no true class");
        Assert.IsTrue(set.Targets.Take(n).All(t => t >= 0 && t < k));
        var synthetic = set.Features[(n * d)..];
        var expected = teacher.Predict(DistillationSet.Frame(teacher.Features, synthetic, 3 * n));
        CollectionAssert.AreEqual(expected, set.TeacherProbabilities[(n * k)..]);
        var realExpected = teacher.Predict(train);
        CollectionAssert.AreEqual(realExpected, set.TeacherProbabilities[..(n * k)]);
        // Synthetic rows differ from real rows, and the source's rows are among them.
        Assert.IsFalse(synthetic.AsSpan(0, d).SequenceEqual(set.Features.AsSpan(0, d)));
        Assert.IsTrue(Enumerable.Range(0, 3 * n).Any(r => synthetic.AsSpan(r * d, d).SequenceEqual(source.Row)));
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
