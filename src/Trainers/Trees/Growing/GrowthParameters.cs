using Pipelines.Trainers.Trees.Splitting;

namespace Pipelines.Trainers.Trees.Growing;

/// <summary>How one tree grows: leaf-wise up to <paramref name="NumLeaves"/> leaves and depth <paramref name="MaxDepth"/> (&lt;= 0: none).</summary>
internal sealed record GrowthParameters(int NumLeaves, int MaxDepth, SplitParameters Split);
