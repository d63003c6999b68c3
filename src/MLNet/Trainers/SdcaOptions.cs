using Pipelines.Errors;

namespace Pipelines.MLNet.Trainers;

/// <summary>
/// Options shared by <see cref="SdcaClassifier"/> and <see cref="SdcaRegressor"/>: ML.NET's SDCA (stochastic dual
/// coordinate ascent) options under their ML.NET names; null is ML.NET's own data-dependent choice. SDCA always runs on
/// one thread here: ML.NET's multi-threaded SDCA is not deterministic.
/// </summary>
public abstract record SdcaOptions : MLNetTrainerOptions
{
    /// <summary>L1 penalty; null: ML.NET's choice from the data.</summary>
    public float? L1Regularization { get; init; }

    /// <summary>L2 penalty; null: ML.NET's choice from the data.</summary>
    public float? L2Regularization { get; init; }

    /// <summary>Stop when the duality gap falls below this.</summary>
    public float ConvergenceTolerance { get; init; } = 0.1f;

    /// <summary>Most passes over the data; null: ML.NET's choice.</summary>
    public int? MaximumNumberOfIterations { get; init; }

    private protected void Validate(string step)
    {
        if (L1Regularization is { } l1 && !(l1 >= 0)) ThrowHelper.BadOption(step, nameof(L1Regularization), l1, "0 or more, or null");
        if (L2Regularization is { } l2 && !(l2 > 0)) ThrowHelper.BadOption(step, nameof(L2Regularization), l2, "a positive number, or null");
        if (!(ConvergenceTolerance > 0)) ThrowHelper.BadOption(step, nameof(ConvergenceTolerance), ConvergenceTolerance, "a positive number");
        if (MaximumNumberOfIterations is < 1) ThrowHelper.BadOption(step, nameof(MaximumNumberOfIterations), MaximumNumberOfIterations, "at least 1, or null");
    }
}
