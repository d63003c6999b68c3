using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Tuners;

namespace Pipelines.AutoML.Tests;

[TestClass]
public sealed class TunerOptimumTests
{
    [TestMethod]
    [DataRow(2)]
    [DataRow(3)]
    [DataRow(4)]
    public void Cfo_finds_shifted_quadratic_within_1e2_in_200_trials(int dims)
    {
        var best = Objectives.Minimize(new CfoTuner(Objectives.QuadraticSpace(dims), seed: 1), Objectives.Quadratic, 200);
        Assert.IsLessThan(1e-2, best, $"best {best}");
    }

    [TestMethod]
    [DataRow(2)]
    [DataRow(4)]
    public void Tpe_finds_shifted_quadratic_within_0_2_in_200_trials(int dims)
    {
        var best = Objectives.Minimize(new TpeTuner(Objectives.QuadraticSpace(dims), seed: 1), Objectives.Quadratic, 200);
        Assert.IsLessThan(0.2, best, $"best {best}");
    }

    [TestMethod]
    public void Random_search_finds_2d_quadratic_within_0_5_in_200_trials()
    {
        var best = Objectives.Minimize(new RandomSearchTuner(Objectives.QuadraticSpace(2), seed: 1), Objectives.Quadratic, 200);
        Assert.IsLessThan(0.5, best, $"best {best}");
    }

    [TestMethod]
    [DataRow("cfo")]
    [DataRow("tpe")]
    public void Branin_within_0_05_of_global_minimum_in_200_trials(string name)
    {
        var space = Objectives.BraninSpace();
        ITuner tuner = name == "cfo" ? new CfoTuner(space, seed: 3) : new TpeTuner(space, seed: 3);
        var best = Objectives.Minimize(tuner, Objectives.Branin, 200);
        Assert.IsLessThan(Objectives.BraninMinimum + 0.05, best, $"best {best}");
        Assert.IsGreaterThanOrEqualTo(Objectives.BraninMinimum - 1e-6, best);
    }

    [TestMethod]
    [DataRow("cfo", 0.01)]
    [DataRow("tpe", 0.05)]
    [DataRow("random", 0.2)]
    public void Integer_and_choice_dimensions_reach_the_optimum_in_200_trials(string name, double bound)
    {
        var space = Objectives.MixedSpace();
        ITuner tuner = name switch
        {
            "cfo" => new CfoTuner(space, seed: 5),
            "tpe" => new TpeTuner(space, seed: 5),
            _ => new RandomSearchTuner(space, seed: 5),
        };
        var best = Objectives.Minimize(tuner, Objectives.Mixed, 200);
        Assert.IsLessThan(bound, best, $"best {best}");
    }

    [TestMethod]
    [DataRow("cfo")]
    [DataRow("tpe")]
    [DataRow("random")]
    [DataRow("eci")]
    public void Same_seed_gives_same_proposals_and_other_seed_differs(string name)
    {
        ITuner Make(int seed) => name switch
        {
            "cfo" => new CfoTuner(Objectives.MixedSpace(), seed),
            "tpe" => new TpeTuner(Objectives.MixedSpace(), seed),
            "random" => new RandomSearchTuner(Objectives.MixedSpace(), seed),
            _ => new EciTuner(EciTests.TwoLearnerSpace(), seed: seed),
        };
        Func<Parameters, double> f = name == "eci" ? p => EciTests.Loss(p, 1) : Objectives.Mixed;
        var a = Objectives.Trace(Make(7), f, 60);
        var b = Objectives.Trace(Make(7), f, 60);
        var c = Objectives.Trace(Make(8), f, 60);
        CollectionAssert.AreEqual(a, b);
        CollectionAssert.AreNotEqual(a, c);
    }

    [TestMethod]
    public void Cfo_first_trial_is_the_low_cost_default_and_it_restarts_when_converged()
    {
        var space = Objectives.MixedSpace();
        var cfo = new CfoTuner(space, seed: 2);
        var first = cfo.Propose();
        Assert.AreEqual(space.Default, first.Parameters);
        cfo.Report(first, 1, 1, failed: false);
        Objectives.Minimize(cfo, Objectives.Mixed, 400);
        Assert.IsGreaterThanOrEqualTo(1, cfo.Convergences);
        Assert.IsLessThan(0.01, cfo.BestLoss);
    }

    [TestMethod]
    public void Failed_trials_never_become_the_incumbent()
    {
        var space = Objectives.QuadraticSpace(2);
        var cfo = new CfoTuner(space, seed: 4);
        // Every proposal with x0 > 0 "crashes"; the best must come from the feasible half.
        for (var i = 0; i < 150; i++)
        {
            var t = cfo.Propose();
            var crash = t.Parameters.GetDouble("x0") > 0;
            cfo.Report(t, crash ? double.NaN : Objectives.Quadratic(t.Parameters), 1, crash);
        }
        Assert.IsLessThanOrEqualTo(0.0, cfo.BestTrial!.Parameters.GetDouble("x0"));
        Assert.IsLessThan(2.3, cfo.BestLoss); // optimum of the feasible half: 1.5² = 2.25
    }

    [TestMethod]
    public void Reporting_an_unknown_trial_is_an_error()
    {
        var cfo = new CfoTuner(Objectives.MixedSpace());
        var t = cfo.Propose();
        cfo.Report(t, 1, 1, false);
        Assert.ThrowsExactly<ArgumentException>(() => cfo.Report(t, 1, 1, false));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new TpeTuner(Objectives.MixedSpace()).Report(t, 1, -1, false));
    }
}
