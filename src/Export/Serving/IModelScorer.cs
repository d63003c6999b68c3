using Pipelines.Data;

namespace Pipelines.Export.Serving;

/// <summary>A saved model that scores frames: an ONNX file run by ONNX Runtime, or a pipeline file run in process.</summary>
public interface IModelScorer : IDisposable
{
    /// <summary>The columns the model reads, with the kind it reads each as.</summary>
    IReadOnlyList<ColumnSchema> Inputs { get; }

    /// <summary>
    /// The prediction columns for every row of <paramref name="frame"/>, in row order: PredictedLabel and one
    /// Probability.&lt;class&gt; per class (classification), or Score (regression).
    /// </summary>
    DataFrame Predict(DataFrame frame);
}
