using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Prediction;

namespace Pipelines.Trainers.LinearModels;

/// <summary>
/// Options shared by the linear learners. Each fits θ = (W, b) by minimizing
/// <code>F(W, b) = Σ_i ω_i ℓ(W x̃_i + b, y_i) + (L2 / 2) ||W||² + L1 ||W||₁,   ω_i = w_i / Σ_j w_j</code>
/// with x̃ the standardized features (when <see cref="Standardize"/>), w_i the sample weight times the class weight, and
/// the intercepts b never penalized. L-BFGS minimizes it, or OWL-QN when <see cref="L1"/> &gt; 0. Starting from zero, the
/// fit is deterministic: no seed is needed.
/// <para>
/// Relation to scikit-learn: its LogisticRegression minimizes C Σ_i w_i ℓ_i + ½ ||W||², which has the same minimizer
/// as F when C = 1 / (L2 · Σ_i w_i), i.e. C = 1 / (L2 · n) with unit weights; its Ridge minimizes
/// Σ_i w_i (y_i - z_i)² + α ||W||², the same as <see cref="LinearRegression"/> when α = L2 · Σ_i w_i.
/// </para>
/// </summary>
public abstract record LinearLearner
{
    /// <summary>λ₂ ≥ 0, the ridge penalty on the (standardized) weights (default 1e-4).</summary>
    public double L2 { get; init; } = 1e-4;

    /// <summary>λ₁ ≥ 0, the lasso penalty on the (standardized) weights; &gt; 0 switches to OWL-QN and gives exact zeros (default 0).</summary>
    public double L1 { get; init; }

    /// <summary>Whether to learn an unpenalized intercept per output (default true).</summary>
    public bool FitIntercept { get; init; } = true;

    /// <summary>
    /// Stop when the objective's relative decrease over one iteration falls below this, or when the largest gradient
    /// component (pseudo-gradient under L1) does (default 1e-7).
    /// </summary>
    public double Tolerance { get; init; } = 1e-7;

    /// <summary>Most optimizer iterations (default 1000).</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>
    /// Fit on features standardized to weighted mean 0 and standard deviation 1 (only scaled, not centred, without an
    /// intercept), for conditioning; the scaling is folded back so the model is a plain affine map of the raw
    /// features. The penalties then apply to standardized weights (default true).
    /// </summary>
    public bool Standardize { get; init; } = true;

    /// <summary>The step name used in messages.</summary>
    protected abstract string StepName { get; }

    /// <summary>Checks the options; throws ArgumentException naming the bad one.</summary>
    protected void Validate()
    {
        if (!(L2 >= 0) || double.IsInfinity(L2)) ThrowHelper.BadOption(StepName, nameof(L2), L2, "a finite number >= 0");
        if (!(L1 >= 0) || double.IsInfinity(L1)) ThrowHelper.BadOption(StepName, nameof(L1), L1, "a finite number >= 0");
        if (!(Tolerance >= 0) || double.IsInfinity(Tolerance)) ThrowHelper.BadOption(StepName, nameof(Tolerance), Tolerance, "a finite number >= 0");
        if (MaxIterations < 1) ThrowHelper.BadOption(StepName, nameof(MaxIterations), MaxIterations, "an integer >= 1");
    }

    /// <summary>Checks the input schema (a label, numeric features) and returns it with the prediction columns added.</summary>
    protected DataSchema OutputSchema(DataSchema input, bool classification)
    {
        ArgumentNullException.ThrowIfNull(input);
        Validate();
        if (input.Label is null) ThrowHelper.NeedsLabel(StepName);
        foreach (var feature in input.Features)
        {
            if (feature.Kind == ColumnKind.Categorical)
                throw new SchemaException($"{StepName}: feature '{feature.Name}' is categorical; encode it first (OneHotEncode, TargetEncode) or drop it.");
            if (feature.Kind != ColumnKind.Numeric)
                throw new SchemaException($"{StepName}: feature '{feature.Name}' is {feature.Kind.ToString().ToLowerInvariant()}; drop it or turn it into numbers first.");
        }
        if (!classification)
        {
            var kept = input.Columns.Where(c => c.Name != PredictionColumns.Score);
            return new DataSchema([.. kept, new ColumnSchema(PredictionColumns.Score, ColumnKind.Numeric)]);
        }
        // The probability columns are named after the classes, known only after fitting.
        var others = input.Columns.Where(c => c.Name != PredictionColumns.PredictedLabel);
        return new DataSchema([.. others, new ColumnSchema(PredictionColumns.PredictedLabel, ColumnKind.Categorical)], isExact: false);
    }

    internal LinearFitOptions FitOptions => new(L2, L1, FitIntercept, Tolerance, MaxIterations, Standardize);
}

/// <summary>The numeric options of <see cref="LinearLearner"/>, passed to <see cref="LinearFit"/>.</summary>
internal sealed record LinearFitOptions(double L2, double L1, bool FitIntercept, double Tolerance, int MaxIterations, bool Standardize);
