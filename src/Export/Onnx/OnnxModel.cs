using Google.Protobuf;
using Pipelines.Export.Onnx.Proto;
using Pipelines.IO;

namespace Pipelines.Export.Onnx;

/// <summary>Reads and writes ONNX model files (the protobuf encoding of <see cref="ModelProto"/>).</summary>
public static class OnnxModel
{
    /// <summary>Parses a model; a malformed buffer is an <see cref="OnnxExportException"/>.</summary>
    public static ModelProto Read(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return ModelProto.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new OnnxExportException($"The bytes are not an ONNX model: {e.Message}");
        }
    }

    /// <summary>The model's protobuf encoding.</summary>
    public static byte[] ToBytes(ModelProto model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.ToByteArray();
    }

    /// <summary>
    /// Writes the model to <paramref name="path"/> through a temporary sibling renamed over the target once complete,
    /// so a failure never leaves a half-written model under the real name.
    /// </summary>
    public static void Save(ModelProto model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        AtomicFile.Write(path, model.WriteTo);
    }
}
