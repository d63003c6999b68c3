using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Prediction;

namespace Pipelines.Ensembles;

/// <summary>
/// What an ensemble needs from one member: a fitted learner, or a fitted chain whose last step is one (nested chains
/// included). Only the learner's raw outputs are read, so the member's intermediate columns never reach the ensemble's output.
/// </summary>
public static class EnsembleMember
{
    /// <summary>The learner that ends <paramref name="member"/>, or null when its last step is not a learner.</summary>
    public static IPredictor? Learner(ITransformer member) => member switch
    {
        IPredictor predictor => predictor,
        TransformerChain { Steps.Count: > 0 } chain => Learner(chain.Steps[^1]),
        _ => null,
    };

    /// <summary>
    /// Runs <paramref name="member"/> on <paramref name="input"/>: every step before the learner transforms the frame, then
    /// the learner's <see cref="IPredictor.Predict"/> gives its row-major outputs.
    /// </summary>
    public static float[] Predict(ITransformer member, DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(input);
        switch (member)
        {
            case IPredictor predictor:
                return predictor.Predict(input);
            case TransformerChain { Steps.Count: > 0 } chain:
                var data = input;
                for (var i = 0; i < chain.Steps.Count - 1; i++) data = chain.Steps[i].Transform(data);
                return Predict(chain.Steps[^1], data);
            default:
                throw new ArgumentException($"{member.GetType().Name} does not end in a learner, so it has no predictions to combine.", nameof(member));
        }
    }
}
