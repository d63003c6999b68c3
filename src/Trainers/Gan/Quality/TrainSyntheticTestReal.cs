using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.Trainers.Trees;

namespace Pipelines.Trainers.Gan.Quality;

/// <summary>
/// Train-on-synthetic, test-on-real (TSTR; Esteban et al. 2017): a GBDT fitted on the synthetic rows predicts the label
/// of held-out real rows; accuracy = (1/n) sum_i [argmax_k P(k | x_i) = y_i]. Compared with the same learner fitted on
/// the real training rows (TRTR), it says how much of the label signal the synthetic data kept.
/// </summary>
public static class TrainSyntheticTestReal
{
    /// <summary>Accuracy on <paramref name="realTest"/> of a GBDT fitted on <paramref name="train"/> (both labelled, same label).</summary>
    public static double Accuracy(DataFrame train, DataFrame realTest, int seed = 0, GbdtClassifier? learner = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(realTest);
        var label = realTest.LabelName ?? throw new ArgumentException("TSTR: the real test frame needs a label.", nameof(realTest));
        var model = (learner ?? new GbdtClassifier { Rounds = 100, Seed = seed, Threads = 1 }).Fit(DropText(train));
        var p = model.Predict(DropText(realTest));
        var predicted = ClassificationMetrics.ArgMax(p, model.Classes.Count);
        var actual = realTest.Categorical(label).Recode(model.Classes).Codes;
        return ClassificationMetrics.Accuracy(actual, predicted);
    }

    private static DataFrame DropText(DataFrame frame) => frame.Without(frame.Columns.OfType<TextColumn>().Select(c => c.Name).ToArray());
}
