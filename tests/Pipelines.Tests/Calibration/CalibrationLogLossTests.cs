using System.Globalization;
using Pipelines.Calibration;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.Trainers.LinearModels;
using Pipelines.Trainers.Trees;
using Pipelines.Transforms.Normalization;

namespace Pipelines.Tests.Calibration;

/// <summary>
/// On every classification set in data/, the calibration chosen from a cheap model's 5-fold out-of-fold predictions
/// has a cross-validated log loss no higher than the uncalibrated one; and, scored once more on rows the whole choice
/// never saw (an outer 5-fold over the out-of-fold rows), it does not raise the log loss beyond noise.
/// </summary>
[TestClass]
public sealed class CalibrationLogLossTests
{
    public TestContext TestContext { get; set; } = null!;

    public static IEnumerable<object[]> Sets =>
    [
        ["breast_cancer.csv", "diagnosis"],
        ["iris.csv", "species"],
        ["wine.csv", "cultivar"],
        ["digits.csv.gz", "digit"],
        ["messy_churn.csv", "churned"],
    ];

    [TestMethod]
    [DynamicData(nameof(Sets))]
    public void Calibration_never_raises_out_of_fold_log_loss(string file, string label)
    {
        var data = CalibrationData.Read(file, label);
        // Digits: a stratified third (about 600 rows) keeps the ten-class softmax fits fast.
        if (data.RowCount > 1000 && data.Label is CategoricalColumn { Categories.Count: > 2 }) data = data.Take(Split.TrainTest(data, 1.0 / 3, seed: 7).Test);
        var oof = OutOfFoldPredictions.Compute(Learner(file), data, folds: 5, seed: 7);
        var k = oof.Classes.Count;
        var choice = CalibrationSelector.Select(oof.Actual, oof.Probabilities, k);
        var none = choice.LogLoss[CalibrationMethod.None];
        var nested = Nested(oof, k);
        TestContext.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{file}: chose {choice.Method}; cross-validated log loss {string.Join(", ", choice.LogLoss.Select(p => $"{p.Key} {p.Value:F4}"))}; nested {nested:F4}"));
        Assert.IsTrue(choice.LogLoss[choice.Method] <= none, "the choice never has a higher log loss than none");
        Assert.IsTrue(nested <= none * 1.01, $"nested log loss {nested:F4} vs {none:F4} uncalibrated");
    }

    /// <summary>Log loss of the whole selection (with its inner folds) fitted on 4/5 of the out-of-fold rows and applied to the rest.</summary>
    private static double Nested(OutOfFoldPredictions oof, int k)
    {
        var frame = new DataFrame([new CategoricalColumn("class", oof.Actual, [.. oof.Classes])], label: "class");
        var held = new float[oof.Probabilities.Length];
        foreach (var fold in Split.StratifiedKFold(frame, 5, seed: 99))
        {
            var train = Rows(oof, k, fold.Train);
            var test = Rows(oof, k, fold.Test);
            var calibrated = CalibrationSelector.Select(train.Actual, train.Probabilities, k).Calibration.Apply(test.Probabilities, k);
            for (var i = 0; i < fold.Test.Length; i++) calibrated.AsSpan(i * k, k).CopyTo(held.AsSpan(fold.Test[i] * k, k));
        }
        return ProbabilisticMetrics.LogLoss(oof.Actual, held, k);
    }

    private static (int[] Actual, float[] Probabilities) Rows(OutOfFoldPredictions oof, int k, int[] rows) =>
        ([.. rows.Select(r => oof.Actual[r])], [.. rows.SelectMany(r => oof.Probabilities.AsSpan(r * k, k).ToArray())]);

    /// <summary>Cheap learners: linear models on standardized numbers; a small GBDT where there are categories and missing values.</summary>
    private static IEstimator<ITransformer> Learner(string file) => file switch
    {
        "breast_cancer.csv" => new ZScoreNormalize().Append(new LogisticRegression()),
        "messy_churn.csv" => new GbdtClassifier { Rounds = 30, NumLeaves = 7, Seed = 1 },
        _ => new ZScoreNormalize().Append(new SoftmaxRegression()),
    };
}
