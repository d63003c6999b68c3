using Pipelines.AutoML.Experiments;

namespace Pipelines.AutoML.Job;

/// <summary>A step of the job outside the search (reading, cleaning, export, distillation, report), for progress output.</summary>
public sealed record JobStep(string Phase, string Detail, TimeSpan Elapsed) : ExperimentEvent(Elapsed);
