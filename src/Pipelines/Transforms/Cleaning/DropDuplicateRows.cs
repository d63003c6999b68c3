using System.Runtime.InteropServices;
using Pipelines.Core;
using Pipelines.Data;

namespace Pipelines.Transforms.Cleaning;

/// <summary>
/// Removes exact duplicate rows from the training data, keeping the first of each group in its original order.
/// Rows are equal when every compared column holds the same value; NaN equals NaN, missing equals missing,
/// and -0 equals 0. Acts only while fitting, as a sampler: the fitted step passes every row through, so
/// predictions are made for each row the caller gives.
/// </summary>
/// <param name="FeaturesOnly">
/// Compare feature columns only, ignoring the label and weight: of rows with the same features but different
/// labels, only the first is kept. By default every column is compared, the label and weight included.
/// </param>
public sealed record DropDuplicateRows(bool FeaturesOnly = false) : TrainingRowStep
{
    protected override DataFrame ChangeRows(DataFrame input)
    {
        var columns = FeaturesOnly ? input.Features.ToList() : [.. input.Columns];
        var seen = new HashSet<int>(input.RowCount, new RowEquality(columns, input.RowCount));
        var keep = new List<int>(input.RowCount);
        for (var row = 0; row < input.RowCount; row++)
        {
            if (seen.Add(row)) keep.Add(row);
        }
        return keep.Count == input.RowCount ? input : input.Take(CollectionsMarshal.AsSpan(keep));
    }
}
