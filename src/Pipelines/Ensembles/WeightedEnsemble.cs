using System.Globalization;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Persistence;
using Pipelines.Prediction;

namespace Pipelines.Ensembles;

/// <summary>
/// A fitted weighted-average ensemble (as found by greedy ensemble selection): every member, a fitted learner or a chain
/// ending in one, reads the same input; the ensemble's output is Σₘ wₘ·outputₘ, the weighted average of the members'
/// class probabilities (classification; the predicted label is the argmax of the average) or scores (regression).
/// <see cref="Predictor.Transform"/> returns the input plus the standard prediction columns only: members' intermediate
/// columns (one-hot indicators, scaled values) do not appear. All members share one task and one class list in one order.
/// </summary>
[PersistedType("weighted-ensemble")]
public sealed class WeightedEnsemble : Predictor
{
    /// <summary>How far the weights may sum from 1 (they come from counts divided by a total, so rounding is all there is).</summary>
    public const double WeightSumTolerance = 1e-6;

    /// <param name="members">Fitted learners, or fitted chains whose last step is a learner; same task and classes.</param>
    /// <param name="weights">One positive weight per member; they sum to 1.</param>
    /// <param name="features">The raw input columns the members read (numeric or categorical), e.g. the training frame's features.</param>
    public WeightedEnsemble(IReadOnlyList<ITransformer> members, IReadOnlyList<double> weights, IReadOnlyList<string> features)
        : this(members, weights, features, CommonLearner(members, weights))
    {
    }

    private WeightedEnsemble(IReadOnlyList<ITransformer> members, IReadOnlyList<double> weights, IReadOnlyList<string> features, IPredictor first)
        : base(first.Task, features, first.Classes)
    {
        Members = [.. members];
        Weights = [.. weights];
    }

    /// <summary>The members, in the order of <see cref="Weights"/>.</summary>
    public IReadOnlyList<ITransformer> Members { get; }

    /// <summary>The weight of each member; positive, summing to 1.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>
    /// An ensemble for frames of <paramref name="input"/>: its features are the input's numeric and categorical feature
    /// columns, and every member is checked against the input now (a member that needs a missing column throws here).
    /// </summary>
    public static WeightedEnsemble Create(IReadOnlyList<ITransformer> members, IReadOnlyList<double> weights, DataSchema input)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(input);
        foreach (var member in members) member?.GetOutputSchema(input);
        var features = input.Features.Where(c => c.Kind is ColumnKind.Numeric or ColumnKind.Categorical).Select(c => c.Name).ToArray();
        return new WeightedEnsemble(members, weights, features);
    }

    /// <summary>Categorical raw columns are the members' business (they encode them); the ensemble passes them on.</summary>
    protected override bool AcceptsCategoricalFeatures => true;

    /// <inheritdoc/>
    public override float[] Predict(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        GetOutputSchema(input.Schema);
        var width = Task == PredictionTask.Regression ? 1 : Classes.Count;
        var sum = new double[input.RowCount * width];
        for (var m = 0; m < Members.Count; m++)
        {
            var outputs = EnsembleMember.Predict(Members[m], input);
            if (outputs.Length != sum.Length)
                throw new InvalidOperationException($"WeightedEnsemble: member {m} gave {outputs.Length} outputs for {input.RowCount} rows; expected {sum.Length}.");
            var w = Weights[m];
            for (var i = 0; i < sum.Length; i++) sum[i] += w * outputs[i];
        }
        var result = new float[sum.Length];
        for (var i = 0; i < sum.Length; i++) result[i] = (float)sum[i];
        return result;
    }

    /// <summary>Checks members and weights; returns the first member's learner, whose task and classes every member shares.</summary>
    private static IPredictor CommonLearner(IReadOnlyList<ITransformer> members, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(weights);
        if (members.Count == 0) throw new ArgumentException("WeightedEnsemble: no members; pass at least one fitted model.", nameof(members));
        if (weights.Count != members.Count)
            throw new ArgumentException($"WeightedEnsemble: {members.Count} members but {weights.Count} weights; pass one weight per member.", nameof(weights));
        double total = 0;
        for (var m = 0; m < weights.Count; m++)
        {
            if (!double.IsFinite(weights[m]) || weights[m] <= 0)
                throw new ArgumentException($"WeightedEnsemble: weight {m} is {weights[m]}; weights must be finite and positive (leave out members of weight 0).", nameof(weights));
            total += weights[m];
        }
        if (Math.Abs(total - 1) > WeightSumTolerance)
            throw new ArgumentException($"WeightedEnsemble: the weights sum to {total.ToString("R", CultureInfo.InvariantCulture)}, not 1; divide them by their sum.", nameof(weights));

        var learners = new IPredictor[members.Count];
        for (var m = 0; m < members.Count; m++)
        {
            var member = members[m] ?? throw new ArgumentException($"WeightedEnsemble: member {m} is null.", nameof(members));
            learners[m] = EnsembleMember.Learner(member)
                ?? throw new ArgumentException($"WeightedEnsemble: member {m} ({member.GetType().Name}) does not end in a learner; each member must be a fitted learner or a chain whose last step is one.", nameof(members));
        }
        var first = learners[0];
        for (var m = 1; m < learners.Length; m++)
        {
            var other = learners[m];
            if (other.Task != first.Task)
                throw new ArgumentException($"WeightedEnsemble: member {m} is a {other.Task} model but member 0 is a {first.Task} model; combine models of one task.", nameof(members));
            if (!other.Classes.SequenceEqual(first.Classes, StringComparer.Ordinal))
                throw new ArgumentException(
                    $"WeightedEnsemble: member {m} has classes [{string.Join(", ", other.Classes)}] but member 0 has [{string.Join(", ", first.Classes)}]; " +
                    "fit every member on the same label so their classes agree in name and order.", nameof(members));
        }
        return first;
    }
}
