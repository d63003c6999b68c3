namespace Pipelines.Trainers.Trees.Boosting;

/// <summary>What the loss compares scores with: class codes (classification) or targets (regression), and row weights.</summary>
internal sealed record Labels(int[] Classes, float[] Targets, float[] Weights)
{
    public int Rows => Weights.Length;

    /// <summary>The labels of <paramref name="rows"/>, in that order.</summary>
    public Labels Take(int[] rows) => new(
        Classes.Length == 0 ? [] : [.. rows.Select(r => Classes[r])],
        Targets.Length == 0 ? [] : [.. rows.Select(r => Targets[r])],
        [.. rows.Select(r => Weights[r])]);
}
