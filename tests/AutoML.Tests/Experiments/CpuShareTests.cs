using Pipelines.AutoML.Experiments;

namespace Pipelines.AutoML.Tests.Experiments;

/// <summary>
/// A refit's thread count follows the cores other processes keep busy: their CPU time (the machine's less this
/// process's) over the window, a core taken from half a core of theirs. CPU times are given, not measured.
/// </summary>
[TestClass]
public sealed class CpuShareTests
{
    [TestMethod]
    public void An_idle_machine_leaves_every_core_and_this_process_own_work_takes_none()
    {
        Assert.AreEqual(2, CpuShare.Free(cores: 2, machineBusy: 0.3, own: 0, wall: 10), "others at 0.03 of a core");
        Assert.AreEqual(2, CpuShare.Free(cores: 2, machineBusy: 20, own: 19.8, wall: 10), "two cores busy, all of it this process");
        Assert.AreEqual(2, CpuShare.Free(cores: 2, machineBusy: 4.9, own: 0, wall: 10), "others at 0.49 of a core");
    }

    [TestMethod]
    public void Each_core_of_other_processes_work_takes_one_but_one_core_always_stays()
    {
        Assert.AreEqual(1, CpuShare.Free(cores: 2, machineBusy: 20, own: 10, wall: 10), "two busy processes beside a two-thread job get one core");
        Assert.AreEqual(1, CpuShare.Free(cores: 2, machineBusy: 5, own: 0, wall: 10), "half a core");
        Assert.AreEqual(1, CpuShare.Free(cores: 2, machineBusy: 20, own: 0, wall: 10), "both cores");
        Assert.AreEqual(6, CpuShare.Free(cores: 8, machineBusy: 40, own: 22, wall: 10), "1.8 cores take two");
        Assert.AreEqual(8, CpuShare.Free(cores: 8, machineBusy: 1, own: 0, wall: 0), "no time passed");
    }

    [TestMethod]
    public void Busy_time_is_every_column_but_idle_and_iowait_and_only_for_the_cores_this_process_may_use()
    {
        const string stat = "cpu  100 20 30 5000 40 5 6 7 0 0\ncpu0 50 10 15 2500 20 2 3 3 0 0\ncpu1 50 10 15 2500 20 3 3 4 0 0\nintr 1 2 3\nctxt 99\n";
        Assert.AreEqual((100 + 20 + 30 + 5 + 6 + 7) / 100.0, CpuShare.BusySeconds(stat, processorCount: 2)!.Value, 1e-12);
        Assert.IsNull(CpuShare.BusySeconds(stat, processorCount: 1), "a CPU quota of one core on a two-core host: the host's load says nothing");
        Assert.IsNull(CpuShare.BusySeconds("cpu0 1 2 3 4 5\n", processorCount: 1), "no total line");
        Assert.IsNull(CpuShare.BusySeconds("cpu  1 x 3 4 5 6\ncpu0 1 2 3 4 5 6\n", processorCount: 1), "a field that is not a number");
    }
}
