namespace Pipelines.AutoML.Store;

/// <summary>
/// What a study is: its name, kind ("automl" or "sweep"), the metric it optimizes and a fingerprint of everything that
/// must match for a resumed run to replay the stored trials (data, label, space, tuner, seed, folds). The settings
/// are free-form JSON kept for the record and for reports.
/// </summary>
/// <param name="Name">Unique within a store.</param>
/// <param name="Kind">"automl" or "sweep".</param>
/// <param name="Metric">The metric's name (<c>Pipelines.Evaluation.Metric</c>).</param>
/// <param name="HigherIsBetter">The metric's direction, so the leaderboard ranks without knowing the enum.</param>
/// <param name="Fingerprint">A hash of the settings that must match on resume.</param>
/// <param name="SettingsJson">The settings themselves, as JSON.</param>
public sealed record StudySpec(string Name, string Kind, string Metric, bool HigherIsBetter, string Fingerprint, string SettingsJson);
