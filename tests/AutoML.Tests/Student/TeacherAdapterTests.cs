using Pipelines.AutoML.Student;
using Pipelines.Data;
using Pipelines.Prediction;

namespace Pipelines.AutoML.Tests.Student;

/// <summary>The student-space view of the teacher: decoding preprocessed rows back to raw rows the teacher reads.</summary>
[TestClass]
public sealed class TeacherAdapterTests
{
    private static readonly Lazy<StudentPreprocessing> Preprocessing = new(() => StudentPreprocessing.Fit(StudentData.ChurnTrain, 16, 10, seed: 1));

    [TestMethod]
    public void DecodingPreprocessedTrainingRowsGivesBackTheRawRows()
    {
        var train = StudentData.ChurnTrain;
        var decoded = Preprocessing.Value.Decoder.Decode(Preprocessing.Value.Chain.Transform(train));
        CollectionAssert.AreEqual(train.Features.Select(c => c.Name).ToArray(), decoded.Names.ToArray(), "the training feature columns, in order");
        foreach (var name in new[] { "tenure_months", "monthly_charges", "total_charges", "data_usage_gb", "support_calls" })
        {
            var expected = train.Numeric(name).Values;
            var actual = decoded.Numeric(name).Values;
            for (var r = 0; r < expected.Length; r++)
            {
                if (float.IsNaN(expected[r])) Assert.IsTrue(float.IsNaN(actual[r]), $"{name}, row {r}: missing comes back as missing");
                else Assert.AreEqual(expected[r], actual[r], 1e-5 * Math.Max(1, Math.Abs(expected[r])), $"{name}, row {r}");
            }
        }
        foreach (var name in new[] { "contract", "payment_method", "internet_service", "notes" })
        {
            for (var r = 0; r < train.RowCount; r++) Assert.AreEqual(train[name].FormatValue(r), decoded[name].FormatValue(r), $"{name}, row {r}");
        }
        var city = Enumerable.Range(0, train.RowCount).Count(r => train["city"].FormatValue(r) == decoded["city"].FormatValue(r));
        Console.WriteLine($"{city} of {train.RowCount} cities come back; the others are cities with the same target encoding");
        Assert.AreEqual(train.RowCount, decoded["customer_id"].MissingCount(), "text the student drops comes back missing");
        Assert.AreEqual("US", decoded["country"].FormatValue(0), "a constant column comes back as its value");
    }

    [TestMethod]
    public void DecodedRowsHaveTheStudentFeaturesOfTheRowsTheyCameFrom()
    {
        var preprocessing = Preprocessing.Value;
        var features = preprocessing.Chain.Transform(StudentData.ChurnTrain);
        var again = preprocessing.Chain.Transform(preprocessing.Decoder.Decode(features));
        foreach (var name in preprocessing.Features)
        {
            var expected = features.Numeric(name).Values;
            var actual = again.Numeric(name).Values;
            for (var r = 0; r < expected.Length; r++) Assert.AreEqual(expected[r], actual[r], 1e-5 * Math.Max(1, Math.Abs(expected[r])), $"{name}, row {r}");
        }
    }

    [TestMethod]
    public void TheAdapterAnswersAsTheTeacherOnRealRows()
    {
        var train = StudentData.ChurnTrain;
        var teacher = StudentData.ChurnTeacher;
        var preprocessing = Preprocessing.Value;
        var classes = new[] { "no", "yes" };
        var adapter = new TeacherAdapter(teacher, preprocessing.Decoder, PredictionTask.BinaryClassification, preprocessing.Features, classes);
        var viaStudentSpace = adapter.Predict(preprocessing.Chain.Transform(train));
        var direct = PredictionReader.Probabilities(teacher.Transform(train), classes, "test");
        var same = Enumerable.Range(0, train.RowCount).Count(r => Math.Abs(viaStudentSpace[2 * r + 1] - direct[2 * r + 1]) <= 1e-5);
        Console.WriteLine($"{same} of {train.RowCount} rows get the teacher's own probabilities");
        Assert.IsTrue(same >= 0.95 * train.RowCount, $"{same} of {train.RowCount}");
    }

    [TestMethod]
    public void FarTailedColumnsAreLogged()
    {
        Assert.IsTrue(StudentPreprocessing.HasFarOutliers([1, 2, 3, 4, 5, 6, 7, 8, 500]));
        Assert.IsFalse(StudentPreprocessing.HasFarOutliers([1, 2, 3, 4, 5, 6, 7, 8, 9]));
        Assert.IsFalse(StudentPreprocessing.HasFarOutliers([-500, 2, 3, 4, 5, 6, 7, 8, 9]), "only non-negative columns");
        Assert.IsFalse(StudentPreprocessing.HasFarOutliers([float.NaN]));
    }
}
