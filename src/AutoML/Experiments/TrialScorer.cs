using Pipelines.Calibration;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Experiments;

/// <summary>
/// Scores a trial's out-of-fold predictions the way its final model will decide: with a decision rule tuned for the
/// metric on those predictions (<see cref="DecisionPolicy"/>; argmax where the tuned rule does not hold up on rows it
/// was not tuned on, <see cref="DecisionRuleTuner.TuneHeldOut"/>), with the fixed threshold, or by argmax. Probability
/// metrics (log loss, AUC) and regression are scored on the predictions as they are, a fixed threshold or not. These
/// scores rank trials and candidates; the figure reported for the final model is <see cref="ReportedScore"/>.
/// </summary>
internal sealed class TrialScorer(ExperimentTarget target, Metric metric, DecisionPolicy policy)
{
    // Trials are scored with a tuned rule for binary labels only: per-class weights tuned on the rows they are scored on
    // inflate multiclass scores (iris reached 1.0 out of fold and lost on test). A binary trial's one threshold is scored
    // on the rows it was tuned on: that flatters every trial about alike, while scoring it cross-fitted adds the parts'
    // noise to the ranking, and on the suite it ranked no better (bench/README, "cross-fitted decision rules").
    private readonly DecisionObjective? _objective =
        target.Width == 2 && policy.Objective(metric) is { Kind: not DecisionObjectiveKind.Cost } o ? o : null;

    /// <summary>
    /// The out-of-fold log loss that ranks trials of equal score when the metric scores predicted classes only (they tie
    /// often on small data); null for other metrics.
    /// </summary>
    public Func<float[], double>? TieBreak(IReadOnlyList<int> rows) =>
        target.IsClassification && metric.ScoresLabels() ? predictions => target.Score(Metric.LogLoss, predictions, rows) : null;

    /// <summary>
    /// True for classification scored on predicted classes: a few rows then decide the metric, so ensembles are
    /// selected by out-of-fold log loss (a proper scoring rule, which rewards blending model families whose
    /// probabilities err differently) and compared within the metric's noise (<see cref="WithinNoise"/>).
    /// </summary>
    public bool SelectsByLogLoss => target.IsClassification && metric.ScoresLabels();

    /// <summary>
    /// Whether <paramref name="score"/> is within the noise of <paramref name="best"/>, the best of
    /// <paramref name="competitors"/> scores on the validation <paramref name="rows"/>: two standard errors, or √(2 ln n)
    /// of them once n competitors make the best's lead partly luck (the expected lead of the largest of n independent
    /// estimates over their mean). The standard error is binomial at the pooled proportion (the two scores' mean: under
    /// the hypothesis that both measure the same skill, its best estimate; the best's own score would give a perfect
    /// best almost no band, though a perfect score among many is the likeliest to be luck), floored at one row's worth,
    /// over the rows; for macro-averaged metrics over the effective rows K² / Σ 1/n_k of the K classes, since each class
    /// weighs the same however few rows it has.
    /// </summary>
    public bool WithinNoise(double score, double best, IReadOnlyList<int> rows, int competitors = 1)
    {
        var n = EffectiveRows(rows);
        var p = Math.Clamp((best + score) / 2, 0, 1);
        var standardError = Math.Sqrt(Math.Max(p * (1 - p), 1.0 / n) / n);
        var width = Math.Max(2, Math.Sqrt(2 * Math.Log(Math.Max(1, competitors))));
        return Math.Abs(best - score) <= width * standardError + 1e-9;
    }

    private double EffectiveRows(IReadOnlyList<int> rows) =>
        target.IsClassification && metric is (Metric.MacroF1 or Metric.BalancedAccuracy) ? target.ClassBalancedRows(rows) : rows.Count;

    public double Score(float[] predictions, IReadOnlyList<int> rows)
    {
        // Probability metrics read the probabilities whatever the rule: a fixed threshold decides labels only.
        if (!target.IsClassification || !metric.ScoresLabels()) return target.Score(metric, predictions, rows);
        if (policy.Threshold is { } threshold)
            return target.Score(metric, Decided(new ThresholdRule(1, (float)threshold), predictions), rows);
        if (_objective is null) return target.Score(metric, predictions, rows);
        var actual = target.CodesOf(rows);
        return DecisionRuleTuner.TuneHeldOut(actual, predictions, target.Classes, _objective).Value;
    }

    /// <summary>
    /// The score of <paramref name="predictions"/> under the rule the final model ships with: <see cref="Score"/>, except
    /// that for a multiclass label the per-class weights the final model gets for macro-F1 or balanced accuracy are
    /// tuned first, where trials are scored by argmax. Compared by argmax, a calibrated blend that favours the large
    /// classes loses to a single trial that happens to predict the small ones more often, though with the rule both would
    /// ship with it need not; so the final model's candidates are compared with this. The weights are cross-fitted (each
    /// part of the rows decided by the weights tuned on the others): tuned on the rows they are scored on, they flatter
    /// candidates unevenly, a few rows of a small class deciding by how much. Unlike <see cref="ReportedScore"/>, the
    /// probabilities are not calibrated first.
    /// </summary>
    public double ScoreAsShipped(float[] predictions, IReadOnlyList<int> rows)
    {
        if (target.Width <= 2 || policy.Threshold is not null || policy.Objective(metric) is not { Kind: not DecisionObjectiveKind.Cost } objective)
            return Score(predictions, rows);
        var actual = target.CodesOf(rows);
        return target.Score(metric, OneHot(DecisionRuleTuner.TuneHeldOut(actual, predictions, target.Classes, objective).CrossFitDecisions!), rows);
    }

    /// <summary>
    /// The out-of-fold score of a final model whose decision step is <paramref name="decision"/> (null for regression),
    /// the figure reported for it: for a metric of the predicted class, the step's cross-fitted labels
    /// (<see cref="DecisionFit.CrossFitLabels"/>), decided on the probabilities its calibration gives each row when
    /// fitted without the row's fold, as the shipped model's rule meets new rows' probabilities; for a
    /// metric of the probabilities (log loss, ROC AUC), the probabilities its calibration gives each row when fitted
    /// without the row's fold (<see cref="CalibrationChoice.CrossValidated"/>), as the shipped model calibrates new rows
    /// (the uncalibrated figure would report a model that does not ship); otherwise <see cref="Score"/>.
    /// </summary>
    public double ReportedScore(float[] predictions, DecisionFit? decision, IReadOnlyList<int> rows) => decision switch
    {
        null => Score(predictions, rows),
        _ when metric.ScoresLabels() => target.Score(metric, OneHot(decision.CrossFitLabels), rows),
        { Calibration.CrossValidated: { } calibrated } => target.Score(metric, calibrated, rows),
        _ => Score(predictions, rows),
    };

    /// <summary>One-hot rows of the rule's decisions, so label metrics score the rule's labels.</summary>
    private float[] Decided(DecisionRule rule, float[] predictions) => OneHot(rule.Decide(predictions, target.Width));

    private float[] OneHot(int[] labels)
    {
        var k = target.Width;
        var decided = new float[labels.Length * k];
        for (var i = 0; i < labels.Length; i++) decided[i * k + labels[i]] = 1;
        return decided;
    }
}
