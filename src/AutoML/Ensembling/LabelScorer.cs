using System.Numerics.Tensors;

namespace Pipelines.AutoML.Ensembling;

/// <summary>
/// Metrics of the predicted class (accuracy, balanced accuracy, F1): the argmax of each averaged row (ties to the lower
/// class, as everywhere) into a reused buffer, then the library metric scores the codes.
/// </summary>
/// <param name="predictions">Each candidate's probabilities, row-major.</param>
/// <param name="classCount">Probabilities per row.</param>
/// <param name="ofCodes">The metric of predicted class codes.</param>
/// <param name="metric">The same metric of probabilities.</param>
internal sealed class LabelScorer(IReadOnlyList<float[]> predictions, int classCount, Func<int[], double> ofCodes, Func<float[], double> metric)
    : EnsembleScorer(predictions, predictions[0].Length / classCount, metric)
{
    public override double Score(int candidate, double scale, Scratch scratch)
    {
        var averaged = scratch.Averaged;
        AverageInto(candidate, scale, averaged);
        var predicted = scratch.Predicted;
        // IndexOfMax gives the first of equal maxima, as ClassificationMetrics.ArgMax, without a branch per value.
        for (var r = 0; r < predicted.Length; r++) predicted[r] = TensorPrimitives.IndexOfMax<float>(averaged.AsSpan(r * classCount, classCount));
        return ofCodes(predicted);
    }
}
