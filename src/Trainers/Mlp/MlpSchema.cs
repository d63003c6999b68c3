using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Prediction;

namespace Pipelines.Trainers.Mlp;

/// <summary>The output schema of an MLP before fitting: the input plus the prediction columns known in advance.</summary>
internal static class MlpSchema
{
    public static DataSchema Output(string step, DataSchema input, bool regression)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Label is null) ThrowHelper.NeedsLabel(step);
        foreach (var column in input.Features)
        {
            if (column.Kind != ColumnKind.Numeric) ThrowHelper.WrongKind(step, column.Name, column.Kind, ColumnKind.Numeric);
        }
        if (regression)
        {
            var kept = input.Columns.Where(c => c.Name != PredictionColumns.Score);
            return new DataSchema([.. kept, new ColumnSchema(PredictionColumns.Score, ColumnKind.Numeric)]);
        }
        // The class names (and so the probability columns) are known only after fitting.
        var rest = input.Columns.Where(c => c.Name != PredictionColumns.PredictedLabel);
        return new DataSchema([.. rest, new ColumnSchema(PredictionColumns.PredictedLabel, ColumnKind.Categorical)], isExact: false);
    }
}
