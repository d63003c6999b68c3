using Pipelines.AutoML.Student;
using Pipelines.AutoML.Tests.Experiments;
using Pipelines.Core;
using Pipelines.Trainers.LinearModels;

namespace Pipelines.AutoML.Tests.Student;

/// <summary>A student is distilled only when it would be much smaller or faster than the model it copies.</summary>
[TestClass]
public sealed class StudentChoiceTests
{
    [TestMethod]
    public void A_model_as_small_and_fast_as_a_student_gets_none()
    {
        // messy_churn's linear model.onnx against its int8 student: 14.4 against 17.5 KiB, 0.0033 against 0.0017 ms per row.
        var choice = StudentChoice.Decide(teacherBytes: 14_746, teacherMsPerRow: 0.0033, studentBytes: 17_920, studentMsPerRow: 0.0017);
        Assert.IsFalse(choice.Distil);
        Assert.AreEqual(17_920 / 14_746.0, choice.SizeRatio, 1e-12);
        Assert.AreEqual(0.0017 / 0.0033, choice.LatencyRatio, 1e-12);
        Assert.StartsWith("no student", choice.Reason);
        Assert.Contains("size ratio 1.22", choice.Reason);
        Assert.Contains("latency ratio 0.52", choice.Reason);
    }

    [TestMethod]
    public void A_student_several_times_smaller_or_faster_is_distilled()
    {
        Assert.IsTrue(StudentChoice.Decide(6_236_000, 0.048, 15_000, 0.001).Distil, "an ensemble of trees");
        Assert.IsTrue(StudentChoice.Decide(45_000, 0.002, 15_000, 0.002).Distil, "3× smaller alone");
        Assert.IsTrue(StudentChoice.Decide(15_000, 0.006, 15_000, 0.002).Distil, "3× faster alone");
        Assert.IsFalse(StudentChoice.Decide(44_000, 0.0059, 15_000, 0.002).Distil, "just under 3× on both");
    }

    [TestMethod]
    public void A_student_of_the_real_ones_shape_is_measured_against_the_teacher()
    {
        var iris = TestData.Iris();
        var teacher = new EstimatorChain([new SoftmaxRegression()]).Fit(iris);
        var choice = StudentChoice.Measure(new StudentBuilder { Seed = 1 }, teacher, iris, iris, new LatencyOptions { MinMilliseconds = 5 }, teacherBytes: 1_000_000, teacherMsPerRow: 1);
        Assert.IsTrue(choice.Distil, "a megabyte teacher at a millisecond per row");
        Assert.IsGreaterThan(1000L, choice.StudentBytes);
        Assert.IsLessThan(100_000L, choice.StudentBytes, "four features, 32 hidden units, int8");
        Assert.IsGreaterThan(0, choice.StudentMsPerRow);
        Assert.IsLessThan(1, choice.StudentMsPerRow);
    }
}
