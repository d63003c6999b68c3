namespace Pipelines.Trainers.Gan.Training;

/// <summary>The phases of one <see cref="CtganTrainer"/> step (a critic update, then a generator update), in the order they run.</summary>
internal enum StepPhase
{
    /// <summary>Condition sampling for both updates, and the critic's real rows, concatenations and interpolates.</summary>
    Batches,

    /// <summary>The critic update's fake rows: generator forward and activation, without gradients.</summary>
    FakeRows,

    /// <summary>The critic on the fake and the real rows (and zeroing its gradients).</summary>
    CriticForward,

    /// <summary>The gradient penalty's graph: the critic on the interpolates and the input-gradient expression.</summary>
    PenaltyForward,

    /// <summary>Backward of the critic loss, the penalty included.</summary>
    CriticBackward,

    /// <summary>The critic's Adam step.</summary>
    CriticAdam,

    /// <summary>Generator forward and activation (and zeroing its gradients).</summary>
    GeneratorForward,

    /// <summary>The critic on the generated rows and the conditional cross-entropy.</summary>
    GeneratorLoss,

    /// <summary>Backward of the generator loss (through the critic).</summary>
    GeneratorBackward,

    /// <summary>The generator's Adam step and zeroing the critic's gradients.</summary>
    GeneratorAdam,
}
