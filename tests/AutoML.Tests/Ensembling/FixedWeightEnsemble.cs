using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Ensembles;
using Pipelines.Prediction;

namespace Pipelines.AutoML.Tests.Ensembling;

/// <summary>Test-only estimator: fits every member estimator on the same frame and combines them with fixed weights.</summary>
internal sealed record FixedWeightEnsemble(IReadOnlyList<IEstimator<ITransformer>> Members, IReadOnlyList<double> Weights) : IEstimator<WeightedEnsemble>
{
    /// <summary>Partial: the input plus the prediction columns the first member is known to add.</summary>
    public DataSchema GetOutputSchema(DataSchema input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var predictions = Members[0].GetOutputSchema(input).Columns
            .Where(c => c.Name is PredictionColumns.PredictedLabel or PredictionColumns.Score || c.Name.StartsWith(PredictionColumns.Probability(""), StringComparison.Ordinal))
            .ToArray();
        var kept = input.Columns.Where(c => predictions.All(p => p.Name != c.Name));
        return new DataSchema([.. kept, .. predictions], isExact: false);
    }

    public WeightedEnsemble Fit(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return WeightedEnsemble.Create([.. Members.Select(m => m.Fit(input))], Weights, input.Schema);
    }
}
