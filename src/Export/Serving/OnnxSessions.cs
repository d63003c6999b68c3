using Microsoft.ML.OnnxRuntime;

namespace Pipelines.Export.Serving;

/// <summary>
/// ONNX Runtime sessions as the project opens and runs them: on a chosen <see cref="OnnxDevice"/> (checked before the
/// session is created), with ONNX Runtime's failures raised as <see cref="OnnxServingException"/> naming the model.
/// Everything else is ONNX Runtime's own API (<see cref="InferenceSession"/>, <see cref="SessionOptions"/>).
/// </summary>
/// <example>
/// <code>
/// using var options = OnnxSessions.CreateOptions(OnnxDevice.Parse("cuda:0"));
/// using var session = OnnxSessions.Open(File.ReadAllBytes("model.onnx"), "model.onnx", options);
/// using var outputs = OnnxSessions.Run(session, OnnxInputs.FromFrame(session.InputMetadata, frame));
/// </code>
/// </example>
public static class OnnxSessions
{
    /// <summary>
    /// Session options for <paramref name="device"/>: ONNX Runtime's defaults with warnings off (errors still raise),
    /// plus the CUDA execution provider for a CUDA device (with TF32 off, so results match the CPU's within 1e-5). A CUDA device that cannot be used (the CPU build, no driver,
    /// no such device, CUDA or cuDNN missing) is an <see cref="OnnxServingException"/> naming what is missing.
    /// The caller disposes the options (after creating its sessions).
    /// </summary>
    public static SessionOptions CreateOptions(OnnxDevice device) => CreateOptions(device, NativeCudaSystem.Instance);

    /// <summary>
    /// Null when <paramref name="device"/> can run models here, else what is missing, in one sentence
    /// ("libcudnn.so.9 not found: install cuDNN 9 for CUDA 13"). The CPU is always usable.
    /// </summary>
    public static string? WhyUnusable(OnnxDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return device.IsCuda ? CudaProbe.Problem(device.DeviceId, NativeCudaSystem.Instance) : null;
    }

    /// <summary>
    /// Creates a session for the serialized model <paramref name="model"/>; <paramref name="source"/> names it in errors
    /// (a file name). Null <paramref name="options"/> runs on the CPU.
    /// </summary>
    public static InferenceSession Open(byte[] model, string source, SessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(source);
        if (options is null)
        {
            using var cpu = CreateOptions(OnnxDevice.Cpu);
            return Open(model, source, cpu);
        }
        try
        {
            return new InferenceSession(model, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw OnnxErrors.Failed($"loading {source}", e);
        }
        catch (Exception e) when (OnnxErrors.IsNativeLoadFailure(e))
        {
            throw OnnxErrors.NativeLibrary(e);
        }
    }

    /// <summary>
    /// Runs <paramref name="session"/> on <paramref name="inputs"/> (one value per model input, by name: see
    /// <see cref="OnnxInputs.FromFrame"/>) and returns the outputs named in <paramref name="outputNames"/>, all by default,
    /// in that order. The caller disposes the result. ORT's errors (unknown input, wrong type or shape) come as
    /// <see cref="OnnxServingException"/>.
    /// </summary>
    public static IDisposableReadOnlyCollection<DisposableNamedOnnxValue> Run(
        InferenceSession session, IReadOnlyCollection<NamedOnnxValue> inputs, IReadOnlyCollection<string>? outputNames = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(inputs);
        try
        {
            return outputNames is null ? session.Run(inputs) : session.Run(inputs, outputNames);
        }
        catch (OnnxRuntimeException e)
        {
            throw OnnxErrors.Failed("running the model", e);
        }
    }

    internal static SessionOptions CreateOptions(OnnxDevice device, ICudaSystem system)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (device.IsCuda && CudaProbe.Problem(device.DeviceId, system) is { } problem)
            throw new OnnxServingException($"cannot run on {device}: {problem} (see docs/onnxruntime.md)");
        SessionOptions options;
        try
        {
            // Warnings (an unused initializer, nodes left on the CPU by the CUDA provider) would clutter the CLI's output.
            options = new SessionOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
        }
        catch (Exception e) when (OnnxErrors.IsNativeLoadFailure(e))
        {
            throw OnnxErrors.NativeLibrary(e);
        }
        if (!device.IsCuda) return options;
        try
        {
            // TF32 matrix products keep 10 mantissa bits: outputs would drift ~1e-3 from the CPU's, beyond the 1e-5 parity.
            using var cuda = new OrtCUDAProviderOptions();
            cuda.UpdateOptions(new Dictionary<string, string>
            {
                ["device_id"] = device.DeviceId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["use_tf32"] = "0",
            });
            options.AppendExecutionProvider_CUDA(cuda);
            return options;
        }
        catch (OnnxRuntimeException e)
        {
            options.Dispose();
            throw OnnxErrors.Failed($"adding the CUDA provider on {device}", e);
        }
    }
}
