using Pipelines.AutoML.SearchSpace;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Trainers.LinearModels;

namespace Pipelines.AutoML.Tests.Experiments;

/// <summary>
/// A learner whose fit goes wrong on many rows only, as a boosting run that diverges does: a softmax regression with
/// "l2", fitted on the label shifted to the next class once the frame has <paramref name="divergesFromRows"/> rows or
/// more, so the model predicts its own rows wrong there while its folds (fewer rows) fit well.
/// </summary>
internal sealed class DivergingLearnerSpace(int divergesFromRows) : ILearnerSpace
{
    public string Name => "diverging";
    public double RelativeCost => 1;
    public bool AcceptsCategorical => false;
    public bool IsScaleSensitive => true;
    public bool Supports(PredictionTask task) => task != PredictionTask.Regression;

    public ParameterSpace Space(PredictionTask task) => new(("l2", new FloatRange(1e-4, 10, defaultValue: 1, log: true)));

    public IEstimator<ITransformer> Create(Parameters parameters, PredictionTask task, int seed) => new Diverging(parameters.GetDouble("l2"), divergesFromRows);

    private sealed class Diverging(double l2, int divergesFromRows) : IEstimator<ITransformer>
    {
        public DataSchema GetOutputSchema(DataSchema input) => new SoftmaxRegression { L2 = l2 }.GetOutputSchema(input);

        public ITransformer Fit(DataFrame input)
        {
            if (input.RowCount < divergesFromRows) return new SoftmaxRegression { L2 = l2 }.Fit(input);
            var label = (CategoricalColumn)input.Label!;
            var k = label.Categories.Count;
            var shifted = new int[input.RowCount];
            for (var r = 0; r < shifted.Length; r++) shifted[r] = (label.Codes[r] + 1) % k;
            return new SoftmaxRegression { L2 = l2 }.Fit(input.With(new CategoricalColumn(label.Name, shifted, [.. label.Categories])));
        }
    }
}
