using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Persistence;

namespace Pipelines.Transforms.Selection;

/// <summary>
/// Fitted feature selection (variance threshold, SelectKBest, SelectFromModel): of the <see cref="Candidates"/>
/// the step judged, keeps <see cref="Kept"/> and drops the rest; every other column passes through unchanged.
/// Values are not read, so missing values pass through. (ONNX: the dropped inputs are simply not used.)
/// </summary>
[PersistedType("selected-features")]
public sealed class SelectedFeatures : ITransformer
{
    private readonly HashSet<string> _dropped;

    /// <param name="candidates">The numeric columns the step judged, in input order.</param>
    /// <param name="scores">The score of each candidate (variance, F, mutual information, |importance|); NaN where undefined.</param>
    /// <param name="kept">The candidates kept, in input order.</param>
    public SelectedFeatures(IReadOnlyList<string> candidates, IReadOnlyList<double> scores, IReadOnlyList<string> kept)
    {
        if (candidates.Count != scores.Count)
            throw new ArgumentException($"{nameof(SelectedFeatures)}: {candidates.Count} candidates but {scores.Count} scores.");
        var known = new HashSet<string>(candidates, StringComparer.Ordinal);
        foreach (var name in kept)
        {
            if (!known.Contains(name)) throw new ArgumentException($"{nameof(SelectedFeatures)}: kept column '{name}' is not a candidate.");
        }
        Candidates = [.. candidates];
        Scores = [.. scores];
        Kept = [.. kept];
        _dropped = new HashSet<string>(candidates.Except(kept, StringComparer.Ordinal), StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Candidates { get; }
    public IReadOnlyList<double> Scores { get; }
    public IReadOnlyList<string> Kept { get; }

    /// <summary>The score of candidate <paramref name="name"/>.</summary>
    public double ScoreOf(string name)
    {
        for (var i = 0; i < Candidates.Count; i++) if (Candidates[i] == name) return Scores[i];
        throw new KeyNotFoundException($"'{name}' is not one of the candidates.");
    }

    public DataSchema GetOutputSchema(DataSchema input)
    {
        ColumnSelection.Require(nameof(SelectedFeatures), input, Candidates, ColumnKind.Numeric);
        return new DataSchema(input.Columns.Where(c => !_dropped.Contains(c.Name)));
    }

    public DataFrame Transform(DataFrame input)
    {
        GetOutputSchema(input.Schema);
        return _dropped.Count == 0 ? input : input.Without(_dropped);
    }

    /// <summary>What an estimator can promise before fitting: every column except the candidates, which may go.</summary>
    internal static DataSchema PartialSchema(DataSchema input, IReadOnlyCollection<string> candidates)
    {
        var set = new HashSet<string>(candidates, StringComparer.Ordinal);
        return new DataSchema(input.Columns.Where(c => !set.Contains(c.Name)), isExact: false);
    }
}
