namespace Pipelines.AutoML.Student;

/// <summary>
/// How much work a student gets: the real rows it is distilled on, the distillation epochs, and the fine-tuning epochs
/// of pruning. <see cref="Within"/> cuts a workload to a time limit from measured paces.
/// </summary>
/// <param name="Rows">Real rows (the synthetic ones come on top, <see cref="StudentBuilder.AugmentFactor"/> per real row).</param>
/// <param name="Epochs">Distillation epochs over the real and synthetic rows.</param>
/// <param name="EpochsPerPruningStep">Fine-tuning epochs after each pruning step, over the real rows.</param>
/// <param name="PruningFineTuneEpochs">Fine-tuning epochs at the final sparsity, over the real rows.</param>
internal sealed record StudentWorkload(int Rows, int Epochs, int EpochsPerPruningStep, int PruningFineTuneEpochs)
{
    /// <summary>Fewest distillation epochs a cut keeps before it takes rows away instead.</summary>
    public const int MinEpochs = 3;

    /// <summary>Fewest real rows a cut keeps (all of them when there are fewer).</summary>
    public const int MinRows = 200;

    /// <summary>
    /// Estimated seconds: the teacher labels every real and synthetic row and the real rows again for pruning
    /// (<paramref name="teacherSecondsPerRow"/>), and the network trains one row-epoch per row of every epoch
    /// (<paramref name="networkSecondsPerRowEpoch"/>).
    /// </summary>
    public double Seconds(int pruningSteps, int augmentFactor, double teacherSecondsPerRow, double networkSecondsPerRowEpoch) =>
        (double)Rows * ((2 + augmentFactor) * teacherSecondsPerRow
            + networkSecondsPerRowEpoch * ((double)Epochs * (1 + augmentFactor) + pruningSteps * EpochsPerPruningStep + PruningFineTuneEpochs));

    /// <summary>
    /// This workload if it fits in <paramref name="seconds"/>, else a cut one: fewer epochs first (down to
    /// <see cref="MinEpochs"/>, pruning's epochs cut in the same proportion, at least one each where there were any),
    /// then fewer rows (down to <see cref="MinRows"/>). Many rows with few epochs copy a teacher better than few rows with
    /// many epochs, while the teacher's labelling grows with the rows only. The smallest workload when nothing fits.
    /// </summary>
    public StudentWorkload Within(double seconds, int pruningSteps, int augmentFactor, double teacherSecondsPerRow, double networkSecondsPerRowEpoch)
    {
        double Cost(StudentWorkload w) => w.Seconds(pruningSteps, augmentFactor, teacherSecondsPerRow, networkSecondsPerRowEpoch);
        if (Cost(this) <= seconds) return this;
        var floor = Math.Min(Epochs, MinEpochs);
        for (var epochs = Epochs - 1; epochs >= floor; epochs--)
        {
            var cut = WithEpochs(epochs);
            if (Cost(cut) <= seconds) return cut;
        }
        var fewest = WithEpochs(floor);
        var perRow = Cost(fewest) / Rows;
        var rows = (int)Math.Floor(seconds / perRow);
        return fewest with { Rows = Math.Clamp(rows, Math.Min(Rows, MinRows), Rows) };
    }

    private StudentWorkload WithEpochs(int epochs)
    {
        int Scaled(int value) => value == 0 ? 0 : Math.Max(1, (int)Math.Round(value * (double)epochs / Epochs));
        return this with { Epochs = epochs, EpochsPerPruningStep = Scaled(EpochsPerPruningStep), PruningFineTuneEpochs = Scaled(PruningFineTuneEpochs) };
    }
}
