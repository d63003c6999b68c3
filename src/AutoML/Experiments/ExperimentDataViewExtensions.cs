using Microsoft.ML;
using Pipelines.MLNet;

namespace Pipelines.AutoML.Experiments;

/// <summary>The experiment on an ML.NET IDataView: the view is read into a frame (<see cref="DataViewImport"/>) and the search runs on it.</summary>
public static class ExperimentDataViewExtensions
{
    /// <summary>
    /// Runs <paramref name="experiment"/> on <paramref name="data"/> with <paramref name="label"/> as the label
    /// (classification or regression as <see cref="Data.LabelTask"/> decides). Unsupported columns are an error that names them.
    /// </summary>
    public static DataViewExperimentResult Run(this Experiment experiment, IDataView data, string label,
        Action<ExperimentEvent>? onEvent = null, CancellationToken interrupt = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        return Run(experiment, data, new DataViewImportOptions { Label = label }, onEvent, interrupt);
    }

    /// <summary>Runs <paramref name="experiment"/> on <paramref name="data"/> read with <paramref name="options"/> (which must name the label).</summary>
    public static DataViewExperimentResult Run(this Experiment experiment, IDataView data, DataViewImportOptions options,
        Action<ExperimentEvent>? onEvent = null, CancellationToken interrupt = default)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Label is null) throw new Errors.SchemaException("AutoML needs a label column; name it in DataViewImportOptions.Label.");
        var frame = data.ToFrame(options);
        return new DataViewExperimentResult(experiment.Run(frame, onEvent, interrupt), frame);
    }
}
