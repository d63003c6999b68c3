using Pipelines.MLNet.Trainers;

namespace Pipelines.MLNet.Tests.Trainers;

/// <summary>
/// The member <see cref="MLContextStop"/> calls is there. Whether a fit then ends midway is not tested here: a
/// million-tree FastTree fit stopped after 0.5 s ended at once in two runs and ran on in later ones, run alone.
/// </summary>
[TestClass]
public sealed class MLNetStopTests
{
    [TestMethod]
    public void The_member_that_stops_an_MLContext_is_there() => Assert.IsTrue(MLContextStop.IsAvailable, "MLContext no longer has CancelExecution()");
}
