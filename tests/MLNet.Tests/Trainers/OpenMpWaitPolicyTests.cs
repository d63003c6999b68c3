using Pipelines.MLNet.Trainers;

namespace Pipelines.MLNet.Tests.Trainers;

/// <summary>LightGBM's OpenMP threads are told to sleep while they wait, in the environment native code reads.</summary>
[TestClass]
public sealed class OpenMpWaitPolicyTests
{
    [TestMethod]
    public void A_LightGbm_learner_sets_the_passive_policy_unless_the_process_has_one()
    {
        // .NET's copy of the environment is the one the process started with.
        var atStart = Environment.GetEnvironmentVariable(OpenMpWaitPolicy.Variable);
        _ = new LightGbmClassifier();
        Assert.AreEqual(atStart ?? OpenMpWaitPolicy.Passive, OpenMpWaitPolicy.NativeValue());
        Assert.IsTrue(OpenMpWaitPolicy.EnsureSet(), "set once, and it stays set");
    }
}
