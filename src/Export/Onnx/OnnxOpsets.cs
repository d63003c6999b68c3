namespace Pipelines.Export.Onnx;

/// <summary>The ONNX versions every exported model declares.</summary>
public static class OnnxOpsets
{
    /// <summary>The default operator domain ("" = ai.onnx).</summary>
    public const string DefaultDomain = "";

    /// <summary>Opset of the default domain: 17 (ONNX 1.12).</summary>
    public const long DefaultOpset = 17;

    /// <summary>The classical-ML operator domain (LabelEncoder, TreeEnsemble*, ...).</summary>
    public const string MlDomain = "ai.onnx.ml";

    /// <summary>Opset of <see cref="MlDomain"/>: 3 (ONNX 1.12).</summary>
    public const long MlOpset = 3;

    /// <summary>IR version 8, the one ONNX 1.12 writes and the highest its checker accepts.</summary>
    public const long IrVersion = 8;
}
