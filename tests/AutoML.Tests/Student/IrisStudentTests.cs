using Microsoft.ML.OnnxRuntime;
using Pipelines.AutoML.Student;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Evaluation;
using Pipelines.Export.Onnx;
using Pipelines.Export.Serving;
using Pipelines.Prediction;

namespace Pipelines.AutoML.Tests.Student;

/// <summary>A three-class teacher, parity of the exported student, and teachers the exporter cannot convert.</summary>
[TestClass]
public sealed class IrisStudentTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void MulticlassStudentStaysWithinTwoPoints()
    {
        var student = new StudentBuilder { Seed = 1 }.Build(StudentData.IrisTeacher, StudentData.IrisTrain);
        var table = new CompressionStages { Metric = Metric.MacroF1, Latency = StudentData.QuickLatency }.Measure(StudentData.IrisTeacher, student, StudentData.IrisTrain, StudentData.IrisTest);
        TestContext.WriteLine(table.ToString());
        CollectionAssert.AreEqual(new[] { "setosa", "versicolor", "virginica" }, student.Classes.ToArray());
        ChurnStudentTests.AssertGoal(table);
    }

    [TestMethod]
    public void StudentPipelineMatchesItsFp32OnnxExportInOnnxRuntime()
    {
        foreach (var (student, train, test) in new[]
        {
            (new StudentBuilder { Seed = 3, Epochs = 5 }.Build(StudentData.IrisTeacher, StudentData.IrisTrain), StudentData.IrisTrain, StudentData.IrisTest),
            (StudentData.ChurnStudent, StudentData.ChurnTrain, StudentData.ChurnTest),
        })
        {
            var expected = student.Pipeline.Transform(test);
            using var session = new InferenceSession(OnnxModel.ToBytes(OnnxExporter.Export(student.Pipeline, train)));
            using var outputs = session.Run(OnnxInputs.FromFrame(session.InputMetadata, test));
            var actual = OnnxOutputs.ToFrame(outputs, student.Classes);
            for (var r = 0; r < test.RowCount; r++)
                Assert.AreEqual(expected[PredictionColumns.PredictedLabel].FormatValue(r), actual[PredictionColumns.PredictedLabel].FormatValue(r), $"row {r}");
            foreach (var name in student.Classes.Select(PredictionColumns.Probability))
            {
                var e = expected.Numeric(name).Values;
                var a = actual.Numeric(name).Values;
                for (var r = 0; r < test.RowCount; r++) Assert.AreEqual(e[r], a[r], 1e-4, $"{name}, row {r}");
            }
        }
    }

    [TestMethod]
    public void SameSeedGivesTheSameStudent()
    {
        var options = new StudentBuilder { Seed = 5, Epochs = 3, HiddenSizes = [8] };
        var a = options.Build(StudentData.IrisTeacher, StudentData.IrisTrain).Pipeline.Transform(StudentData.IrisTest);
        var b = options.Build(StudentData.IrisTeacher, StudentData.IrisTrain).Pipeline.Transform(StudentData.IrisTest);
        var c = (options with { Seed = 6 }).Build(StudentData.IrisTeacher, StudentData.IrisTrain).Pipeline.Transform(StudentData.IrisTest);
        var name = PredictionColumns.Probability("virginica");
        CollectionAssert.AreEqual(a.Numeric(name).ToArray(), b.Numeric(name).ToArray());
        CollectionAssert.AreNotEqual(a.Numeric(name).ToArray(), c.Numeric(name).ToArray());
    }

    [TestMethod]
    public void AnEnsembleTeacherWithoutAnOnnxConverterIsDistilledAndScoredInProcess()
    {
        var train = StudentData.IrisTrain;
        var teacher = new AveragingTeacher(StudentData.IrisTeacher, new Trainers.LinearModels.SoftmaxRegression().Fit(train));
        var student = new StudentBuilder { Seed = 1 }.Build(teacher, train);
        var table = new CompressionStages { Latency = StudentData.QuickLatency }.Measure(teacher, student, train, StudentData.IrisTest);
        TestContext.WriteLine(table.ToString());
        Assert.IsNull(table.Teacher.Bytes);
        Assert.IsNull(table.Teacher.BatchMsPerRow);
        StringAssert.Contains(table.Teacher.Note, "not exported");
        StringAssert.Contains(table.Teacher.Note, nameof(AveragingTeacher));
        Assert.AreEqual(table.Teacher.InProcessAccuracy, table.Teacher.Accuracy);
        Assert.IsTrue(table.AccuracyGapPoints <= 2.6 + 1e-9, "at most one of the 39 test rows lost");
        Assert.IsNotNull(table.Final.Bytes);
    }

    [TestMethod]
    public void ARegressionLabelOrATeacherWithoutProbabilitiesIsAClearError()
    {
        var iris = StudentData.IrisTrain;
        var numeric = iris.WithLabel("petal length (cm)");
        var regression = Assert.ThrowsExactly<SchemaException>(() => new StudentBuilder().Build(StudentData.IrisTeacher, numeric));
        StringAssert.Contains(regression.Message, "classification");
        var transformOnly = new Transforms.Cleaning.ImputeMissing().Fit(iris);
        var noProbabilities = Assert.ThrowsExactly<SchemaException>(() => new StudentBuilder().Build(transformOnly, iris));
        StringAssert.Contains(noProbabilities.Message, "Probability.");
        Assert.ThrowsExactly<SchemaException>(() => new StudentBuilder().Build(StudentData.IrisTeacher, iris.WithLabel(null)));
        Assert.ThrowsExactly<ArgumentException>(() => new StudentBuilder { MaxOneHotCategories = 0 }.Build(StudentData.IrisTeacher, iris));
        Assert.ThrowsExactly<ArgumentException>(() => new StudentBuilder { MaxRows = StudentWorkload.MinRows - 1 }.Build(StudentData.IrisTeacher, iris));
    }

    /// <summary>The mean of two classifiers' probabilities: a teacher of a type no ONNX converter knows.</summary>
    [TestMethod]
    public void A_teacher_that_names_one_class_for_every_row_still_gets_a_student()
    {
        // A degenerate model (a linear learner that settled on the majority class, say): pruning's fine-tuning falls back
        // to the true labels, since the teacher's carry a single class.
        var teacher = new ConstantTeacher([0.5f, 0.3f, 0.2f]);
        var student = new StudentBuilder { Seed = 1, Epochs = 2, PruningFineTuneEpochs = 1 }.Build(teacher, StudentData.IrisTrain);
        CollectionAssert.AreEqual(new[] { "setosa", "versicolor", "virginica" }, student.Classes.ToArray());
        Assert.AreEqual(StudentData.IrisTest.RowCount, student.Pipeline.Transform(StudentData.IrisTest).RowCount);
    }

    private sealed class ConstantTeacher(float[] probabilities) : ITransformer
    {
        private static readonly string[] Classes = ["setosa", "versicolor", "virginica"];

        public DataSchema GetOutputSchema(DataSchema input) => StudentData.IrisTeacher.GetOutputSchema(input);

        public DataFrame Transform(DataFrame input)
        {
            var all = new float[input.RowCount * Classes.Length];
            for (var r = 0; r < input.RowCount; r++) probabilities.CopyTo(all, r * Classes.Length);
            var result = input;
            foreach (var column in PredictionOutput.Columns(PredictionTask.MulticlassClassification, Classes, all, input.RowCount))
                result = result.With(column);
            return result;
        }
    }

    private sealed class AveragingTeacher(ITransformer first, ITransformer second) : ITransformer
    {
        public DataSchema GetOutputSchema(DataSchema input) => first.GetOutputSchema(input);

        public DataFrame Transform(DataFrame input)
        {
            var a = first.Transform(input);
            var b = second.Transform(input);
            var classes = new[] { "setosa", "versicolor", "virginica" };
            var probabilities = new float[input.RowCount * classes.Length];
            for (var c = 0; c < classes.Length; c++)
            {
                var name = PredictionColumns.Probability(classes[c]);
                for (var r = 0; r < input.RowCount; r++) probabilities[r * classes.Length + c] = (a.Numeric(name)[r] + b.Numeric(name)[r]) / 2;
            }
            var result = input;
            foreach (var column in PredictionOutput.Columns(PredictionTask.MulticlassClassification, classes, probabilities, input.RowCount))
                result = result.With(column);
            return result;
        }
    }
}
