using Microsoft.ML;
using Microsoft.ML.Data;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Export.Onnx;
using Pipelines.IO;
using MLTransformer = Microsoft.ML.ITransformer;
using PipelineTransformer = Pipelines.Core.ITransformer;

namespace Pipelines.MLNet;

/// <summary>
/// A fitted pipeline as an ML.NET model: an <see cref="MLTransformer"/> that runs the pipeline's ONNX graph (as
/// <see cref="OnnxExporter"/> writes it) in ML.NET's OnnxTransformer, works in <c>PredictionEngine&lt;TIn, TOut&gt;</c>,
/// and saves with <c>mlContext.Model.Save</c> (the ONNX bytes go inside the zip), so a program that references only
/// Microsoft.ML, Microsoft.ML.OnnxTransformer and Microsoft.ML.OnnxRuntime loads it with <c>mlContext.Model.Load</c>.
/// </summary>
/// <remarks>
/// <para>Input columns (<see cref="Inputs"/>): the pipeline's raw feature columns, by name. A numeric input may be any
/// ML.NET number or Boolean type (a first step converts it to Single; NaN is missing); a categorical or text input is
/// text ("" is missing). A TIn class with plain <c>float</c> and <c>string</c> properties named as the columns works;
/// so does the IDataView the pipeline was trained from when its columns were scalars.</para>
/// <para>Output columns: a classifier gives <c>PredictedLabel</c> (text: <c>string</c> in TOut) and <c>Probability</c>
/// (vector of Single, one per class in the order of <see cref="Classes"/>: <c>float[]</c>). A regressor gives
/// <c>Score</c> as a one-slot vector of Single (<c>float[]</c> in TOut, the value at [0]): ML.NET's OnnxTransformer
/// exposes every ONNX tensor as a vector, and ML.NET has no saveable step that turns a number vector into a scalar.</para>
/// </remarks>
public sealed class MLNetModel
{
    private MLNetModel(MLTransformer transformer, DataViewSchema inputSchema, OnnxSignature signature)
    {
        Transformer = transformer;
        InputSchema = inputSchema;
        Inputs = signature.Inputs;
        Classes = signature.Classes;
        IsClassification = signature.IsClassification;
    }

    /// <summary>The ML.NET model: use it in <c>mlContext.Model.CreatePredictionEngine</c>, <c>Transform</c>, or save it.</summary>
    public MLTransformer Transformer { get; }

    /// <summary>The schema of the input the model was built for (numbers as Single, categories and text as Text); saved with it.</summary>
    public DataViewSchema InputSchema { get; }

    /// <summary>The columns the model reads, with the kind each has in the pipeline.</summary>
    public IReadOnlyList<ColumnSchema> Inputs { get; }

    /// <summary>Class names in the order of the Probability slots; empty for a regressor.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Whether the model predicts classes (PredictedLabel, Probability) rather than a number (Score).</summary>
    public bool IsClassification { get; }

    /// <summary>The ML.NET model of the ONNX model file at <paramref name="onnxPath"/>.</summary>
    public static MLNetModel FromOnnx(MLContext mlContext, string onnxPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(onnxPath);
        if (!File.Exists(onnxPath)) throw new PipelineException($"{onnxPath}: no such ONNX model file. Check the path, or export one with 'pipelines export'.");
        return FromOnnx(mlContext, File.ReadAllBytes(onnxPath), onnxPath);
    }

    /// <summary>The ML.NET model of an ONNX model given as its bytes.</summary>
    public static MLNetModel FromOnnx(MLContext mlContext, byte[] onnxModel) => FromOnnx(mlContext, onnxModel, "the ONNX model");

    /// <summary>The ML.NET model of <paramref name="pipeline"/>, fitted on <paramref name="training"/> (exported with <see cref="OnnxExporter"/> first).</summary>
    public static MLNetModel FromPipeline(MLContext mlContext, PipelineTransformer pipeline, DataFrame training)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(training);
        return FromOnnx(mlContext, OnnxModel.ToBytes(OnnxExporter.Export(pipeline, training)), "the exported pipeline");
    }

    /// <summary>
    /// Saves the model with <c>mlContext.Model.Save</c> (with <see cref="InputSchema"/>) to <paramref name="path"/>,
    /// written through a temporary file so a failure never leaves a half-written zip. Load it with <c>mlContext.Model.Load</c>.
    /// </summary>
    public void Save(MLContext mlContext, string path)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.Write(path, stream => mlContext.Model.Save(Transformer, InputSchema, stream));
    }

    /// <summary>
    /// Reads the ONNX model file <paramref name="onnxPath"/> and writes its ML.NET model to <paramref name="zipPath"/>
    /// (what <c>pipelines automl</c> does for model.mlnet.zip). The chain has no randomness, so no seed is needed.
    /// </summary>
    public static void ConvertOnnxFile(string onnxPath, string zipPath)
    {
        var mlContext = new MLContext();
        FromOnnx(mlContext, onnxPath).Save(mlContext, zipPath);
    }

    private static MLNetModel FromOnnx(MLContext mlContext, byte[] onnxModel, string source)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(onnxModel);
        var proto = Read(onnxModel, source);
        var signature = OnnxSignature.Read(proto, source);
        var input = EmptyInput(signature.Inputs).ToDataView();
        var numeric = signature.Inputs.Where(i => i.Kind == ColumnKind.Numeric).Select(i => new InputOutputColumnPair(i.Name, i.Name)).ToArray();
        var chain = new EstimatorChain<MLTransformer>();
        if (numeric.Length > 0) chain = chain.Append<MLTransformer>(mlContext.Transforms.Conversion.ConvertType(numeric, DataKind.Single));
        chain = chain.Append<MLTransformer>(mlContext.Transforms.ApplyOnnxModel(new MemoryStream(onnxModel, writable: false)));
        if (signature.IsClassification) chain = chain.Append(ScalarLabelMapping.Create(mlContext, OnnxLearnerOutputs.PredictedLabel, signature.Classes));
        return new MLNetModel(chain.Fit(input), input.Schema, signature);
    }

    private static Export.Onnx.Proto.ModelProto Read(byte[] bytes, string source)
    {
        try
        {
            return OnnxModel.Read(bytes);
        }
        catch (OnnxExportException e)
        {
            throw new ModelFormatException($"{source}: not an ONNX model ({e.Message}). Pass a file written by 'pipelines export' or 'pipelines automl'.", e);
        }
    }

    /// <summary>A 0-row frame with the inputs' columns, whose view gives the chain its input schema.</summary>
    private static DataFrame EmptyInput(IReadOnlyList<ColumnSchema> inputs) =>
        new(inputs.Select(i => i.Kind switch
        {
            ColumnKind.Numeric => (Column)new NumericColumn(i.Name, []),
            ColumnKind.Categorical => new CategoricalColumn(i.Name, [], []),
            _ => new TextColumn(i.Name, []),
        }));
}
