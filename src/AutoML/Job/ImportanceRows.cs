using Pipelines.AutoML.Experiments;
using Pipelines.Core;
using Pipelines.Data;

namespace Pipelines.AutoML.Job;

/// <summary>The model and rows the report's permutation importance shuffles: <see cref="Frame"/> holds rows <see cref="Rows"/> of <see cref="Target"/>.</summary>
internal sealed record ImportanceRows(string Description, ITransformer Model, DataFrame Frame, ExperimentTarget Target, IReadOnlyList<int> Rows);
