namespace Pipelines.Profiling;

/// <summary>
/// One problem found in the data and the project step that fixes it.
/// </summary>
/// <param name="Issue">What is wrong, in words (e.g. "missing values").</param>
/// <param name="Columns">The columns concerned; empty when the issue is about whole rows.</param>
/// <param name="Step">The step name: ImputeMissing, DropDuplicateRows, DropConstantColumns, ClipOutliers,
/// OneHotEncode, TargetEncode, SMOTE/ClassWeights or Log1pTransform.</param>
public sealed record SuggestedFix(string Issue, IReadOnlyList<string> Columns, string Step);

/// <summary>The step names <see cref="SuggestedFix.Step"/> uses.</summary>
public static class FixSteps
{
    public const string ImputeMissing = "ImputeMissing";
    public const string DropDuplicateRows = "DropDuplicateRows";
    public const string DropConstantColumns = "DropConstantColumns";
    public const string ClipOutliers = "ClipOutliers";
    public const string OneHotEncode = "OneHotEncode";
    public const string TargetEncode = "TargetEncode";
    public const string Rebalance = "SMOTE/ClassWeights";
    public const string Log1pTransform = "Log1pTransform";
}
