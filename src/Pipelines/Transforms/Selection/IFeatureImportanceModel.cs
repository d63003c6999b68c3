using Pipelines.Core;

namespace Pipelines.Transforms.Selection;

/// <summary>How much a fitted model relies on one input column.</summary>
/// <param name="Name">The input column's name, as in the frame the model was fitted on.</param>
/// <param name="Importance">
/// Any real number where a larger magnitude means more reliance: a linear model's coefficient on the
/// standardized input (its sign is kept; selectors use |Importance|), a tree ensemble's total split gain.
/// NaN means unknown and ranks below every number.
/// </param>
public sealed record FeatureImportance(string Name, double Importance);

/// <summary>
/// A fitted model that can say how much it relies on each input column; what <see cref="SelectFromModel"/>
/// ranks features by. Learners implement it on their fitted model type. Report one entry per input column
/// name (not per derived column: map one-hot or binned inputs back to their source column). Columns left out
/// count as importance 0; entries that share a name have their magnitudes added.
/// </summary>
public interface IFeatureImportanceModel : ITransformer
{
    /// <summary>Importance of each input column the model used, in any order.</summary>
    IReadOnlyList<FeatureImportance> FeatureImportances { get; }
}
