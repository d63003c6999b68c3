using Pipelines.AutoML.Student;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Tests.Student;

/// <summary>The issue's goal on messy_churn (75/25 seeded stratified split): the int8 student in ONNX Runtime within 2 points of the teacher.</summary>
[TestClass]
public sealed class ChurnStudentTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void Int8StudentOfAGbdtTeacherStaysWithinTwoPointsAndFilesAreWritten()
    {
        var folder = Path.Combine(Path.GetTempPath(), "student-" + Guid.NewGuid().ToString("N"));
        try
        {
            var outputs = CompressionOutputs.InFolder(folder);
            var table = new CompressionStages { Metric = Metric.MacroF1 }
                .Measure(StudentData.ChurnTeacher, StudentData.ChurnStudent, StudentData.ChurnTrain, StudentData.ChurnTest, outputs);
            TestContext.WriteLine(table.ToString());
            AssertGoal(table);
            CollectionAssert.AreEqual(new[] { "teacher", "student", "pruned student", "int8 student" }, table.Stages.Select(s => s.Name).ToArray());
            foreach (var (stage, path) in table.Stages.Zip(new[] { outputs.Teacher, outputs.Student, outputs.PrunedStudent, outputs.QuantizedStudent }))
            {
                Assert.AreEqual(path, stage.Path);
                Assert.AreEqual(new FileInfo(path!).Length, stage.Bytes, $"{stage.Name}: the size is the file's");
                Assert.IsNotNull(stage.Metric);
                Assert.IsTrue(stage.BatchMsPerRow > 0 && stage.SingleRowMs > 0, $"{stage.Name} was timed");
            }
            Assert.AreEqual(0, Directory.GetFiles(folder, "*.tmp").Length, "no temporary files are left");
            Assert.IsTrue(table.Final.Bytes < table.Stages[2].Bytes, "int8 weights make the file smaller");
            Assert.IsTrue(table.Final.Bytes < table.Teacher.Bytes, "the student is smaller than the teacher");
            Assert.IsTrue(table.Stages[2].NonZeroParameters <= 0.6 * table.Stages[2].Parameters, "pruning zeroed about half the weights");
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void TeacherFittedWithoutTheTextColumnGivesAStudentWithinTwoPoints()
    {
        var train = StudentData.ChurnTrain.Without("customer_id");
        var test = StudentData.ChurnTest.Without("customer_id");
        var teacher = StudentData.GbdtChain().Fit(train);
        var student = new StudentBuilder { Seed = 2, HiddenSizes = [24] }.Build(teacher, train);
        var table = new CompressionStages { Latency = StudentData.QuickLatency }.Measure(teacher, student, train, test);
        TestContext.WriteLine(table.ToString());
        AssertGoal(table);
    }

    [TestMethod]
    public void Rows_above_the_cap_are_sampled_to_it_before_distilling()
    {
        var train = StudentData.ChurnTrain;
        Assert.IsGreaterThan(600, train.RowCount);
        var student = new StudentBuilder { Seed = 2, Epochs = 2, MaxRows = 300 }.Build(StudentData.ChurnTeacher, train);
        Assert.AreEqual(300, student.Workload!.Rows, 1, "a stratified sample of about MaxRows rows");
    }

    [TestMethod]
    public void StudentReadsFewCompactFeatures()
    {
        var student = StudentData.ChurnStudent;
        var features = student.Features;
        TestContext.WriteLine($"{features.Count} features: {string.Join(", ", features)}");
        Assert.IsTrue(features.Count <= 40, "city's ~200 values do not become ~200 columns");
        CollectionAssert.Contains(features.ToArray(), "city", "city is target-encoded in place");
        Assert.IsFalse(features.Any(f => f.StartsWith("city=", StringComparison.Ordinal)), "city is not one-hot encoded");
        Assert.IsTrue(features.Contains("contract=Month-to-month") && features.Contains("tenure_months_missing"), "narrow columns are one-hot; missing values are flagged");
        Assert.IsFalse(features.Any(f => f is "customer_id" or "country" or "fax_number"), "text and constant columns are dropped");
        CollectionAssert.AreEqual(new[] { "no", "yes" }, student.Classes.ToArray());
    }

    // Accuracy within 2 points of the teacher, the student agreeing with the teacher on most rows, and exact fp32 parity.
    internal static void AssertGoal(CompressionTable table)
    {
        Assert.IsTrue(table.AccuracyGapPoints <= 2, $"int8 student {table.Final.Accuracy:P2} vs teacher {table.Teacher.Accuracy:P2}");
        Assert.IsTrue(table.Final.TeacherAgreement >= 0.95, $"int8 student agrees with the teacher on {table.Final.TeacherAgreement:P1} of the rows");
        foreach (var stage in table.Stages.Take(3))
        {
            Assert.AreEqual(1.0, stage.LabelAgreement, $"{stage.Name}: ONNX Runtime labels equal the in-process labels");
            Assert.IsTrue(stage.MaxProbabilityDelta <= 1e-4, $"{stage.Name}: max |dp| {stage.MaxProbabilityDelta}");
            Assert.AreEqual(stage.InProcessAccuracy, stage.Accuracy);
        }
        Assert.IsTrue(table.Final.MaxProbabilityDelta <= 0.1, $"int8 quantization error {table.Final.MaxProbabilityDelta}");
        Assert.IsNull(table.Final.InProcessAccuracy);
    }
}
