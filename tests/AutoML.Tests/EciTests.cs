using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Tuners;

namespace Pipelines.AutoML.Tests;

[TestClass]
public sealed class EciTests
{
    /// <summary>Learners "cheap" (parameter a) and "pricey" (parameter b), each with its own sub-space.</summary>
    internal static ParameterSpace TwoLearnerSpace() => new(
        ("learner", new Choice([
            new ChoiceOption("cheap", new ParameterSpace(("a", new FloatRange(0, 1, defaultValue: 0)))),
            new ChoiceOption("pricey", new ParameterSpace(("b", new FloatRange(0, 1, defaultValue: 0)))),
        ])));

    /// <summary>
    /// cheap: loss 1 + (a - 0.8)² (improves as a moves); pricey: loss 1.5 + (b - 0.5)² / scale (flat for a large scale).
    /// </summary>
    internal static double Loss(Parameters p, double scale)
    {
        var section = p.GetSection("learner");
        return p.GetString("learner") == "cheap"
            ? 1 + Math.Pow(section.GetDouble("a") - 0.8, 2)
            : 1.5 + Math.Pow(section.GetDouble("b") - 0.5, 2) / scale;
    }

    [TestMethod]
    public void Eci_spends_more_trials_on_the_learner_that_improves_faster_and_cheaper()
    {
        var eci = new EciTuner(TwoLearnerSpace(), new Dictionary<string, double> { ["cheap"] = 1, ["pricey"] = 10 }, seed: 1);
        var counts = new Dictionary<string, int> { ["cheap"] = 0, ["pricey"] = 0 };
        for (var i = 0; i < 100; i++)
        {
            var t = eci.Propose();
            Assert.AreEqual(t.Learner, t.Parameters.GetString("learner"));
            counts[t.Learner!]++;
            eci.Report(t, Loss(t.Parameters, 100), t.Learner == "cheap" ? 0.1 : 1.0, failed: false);
        }
        Assert.IsGreaterThan(0, counts["pricey"], "every learner is tried at least once");
        Assert.IsGreaterThan(3 * counts["pricey"], counts["cheap"], $"cheap {counts["cheap"]}, pricey {counts["pricey"]}");
        Assert.IsLessThan(1.001, eci.BestLoss);
    }

    [TestMethod]
    public void Eci_moves_to_the_other_learner_when_it_is_the_better_one()
    {
        // Same costs, but now "pricey" reaches 0.5 while "cheap" is stuck at 1 + ...: pricey must get many trials.
        var eci = new EciTuner(TwoLearnerSpace(), seed: 2);
        var pricey = 0;
        for (var i = 0; i < 100; i++)
        {
            var t = eci.Propose();
            var loss = t.Learner == "cheap" ? Loss(t.Parameters, 1) : 0.5 + Math.Pow(t.Parameters.GetSection("learner").GetDouble("b") - 0.5, 2);
            if (t.Learner == "pricey") pricey++;
            eci.Report(t, loss, 1, failed: false);
        }
        Assert.IsGreaterThan(50, pricey);
        Assert.IsLessThan(0.51, eci.BestLoss);
    }

    [TestMethod]
    public void Untried_learners_are_ranked_by_relative_cost()
    {
        var eci = new EciTuner(TwoLearnerSpace(), new Dictionary<string, double> { ["cheap"] = 5, ["pricey"] = 2 });
        Assert.AreEqual("pricey", eci.Propose().Learner);
        Assert.AreEqual(2.0, eci.EstimatedCostForImprovement(eci.Learners[1]));
    }

    [TestMethod]
    public void Sample_grows_x4_when_a_learner_converges()
    {
        var eci = new EciTuner(TwoLearnerSpace(), seed: 3, totalRows: 100_000, initialSampleSize: 10_000);
        var sizes = new HashSet<int>();
        for (var i = 0; i < 600; i++)
        {
            var t = eci.Propose();
            sizes.Add(t.SampleSize!.Value);
            eci.Report(t, Loss(t.Parameters, 1), 1, failed: false);
        }
        Assert.IsTrue(sizes.SetEquals([10_000, 40_000, 100_000]), string.Join(", ", sizes.Order()));
    }

    [TestMethod]
    public void Eci_needs_a_learner_choice()
    {
        Assert.ThrowsExactly<SearchSpaceException>(() => new EciTuner(Objectives.MixedSpace()));
    }
}
