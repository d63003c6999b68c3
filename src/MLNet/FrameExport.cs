using Microsoft.ML;
using Pipelines.Data;

namespace Pipelines.MLNet;

/// <summary>
/// The project's <see cref="DataFrame"/> as an ML.NET IDataView: numeric columns as Single (NaN for missing), categorical
/// columns as Text ("" for missing) or, on request, as keys with KeyValues (0 for
/// missing), text columns as Text ("" for missing). The view reads the frame's arrays in place; nothing is copied.
/// </summary>
public static class FrameExport
{
    /// <summary>The frame as an IDataView, columns in frame order (label and weight included, under their names).</summary>
    /// <param name="frame">The frame to expose.</param>
    /// <param name="categoriesAsKeys">Categorical columns as ML.NET keys (KeyValues = the categories, in code order) instead of text.</param>
    public static IDataView ToDataView(this DataFrame frame, bool categoriesAsKeys = false)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return new FrameDataView(frame, categoriesAsKeys);
    }
}
