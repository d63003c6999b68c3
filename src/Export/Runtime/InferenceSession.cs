using System.Runtime.InteropServices;
using System.Text;

namespace Pipelines.Export.Runtime;

/// <summary>
/// An ONNX model loaded into ONNX Runtime, ready to run. <see cref="Run"/> may be called from several threads at once.
/// Dispose it to release the native session (disposing twice is harmless).
/// </summary>
/// <example>
/// <code>
/// using var session = new InferenceSession("model.onnx");
/// var outputs = session.Run([NamedTensor.FromFloats("X", features, rows, 3)]);
/// float[] scores = outputs[0].GetFloats();
/// </code>
/// </example>
public sealed unsafe class InferenceSession : IDisposable
{
    private readonly SessionHandle _session;
    private readonly TensorInfo[] _inputs;
    private readonly TensorInfo[] _outputs;

    /// <summary>Loads the model at <paramref name="modelPath"/>.</summary>
    /// <exception cref="OnnxRuntimeException">The library cannot be loaded, the provider is missing, or ORT rejects the model.</exception>
    public InferenceSession(string modelPath, InferenceSessionOptions? options = null)
        : this(options, (library, sessionOptions) => CreateFromFile(library, sessionOptions, modelPath))
    {
    }

    /// <summary>Loads the model serialized in <paramref name="model"/> (ONNX protobuf bytes).</summary>
    /// <exception cref="OnnxRuntimeException">The library cannot be loaded, the provider is missing, or ORT rejects the model.</exception>
    public InferenceSession(byte[] model, InferenceSessionOptions? options = null)
        : this(options, (library, sessionOptions) => CreateFromBytes(library, sessionOptions, model ?? throw new ArgumentNullException(nameof(model))))
    {
    }

    private InferenceSession(InferenceSessionOptions? options, Func<OrtLibrary, SessionOptionsHandle, nint> create)
    {
        options ??= new InferenceSessionOptions();
        Library = OrtLibrary.Load(options.LibraryPath);
        Provider = options.Provider;
        using (var sessionOptions = OrtSessionOptions.Create(Library, options))
        {
            _session = new SessionHandle(Library.Api, create(Library, sessionOptions));
        }
        try
        {
            _inputs = OrtSessionInfo.Inputs(Library, _session);
            _outputs = OrtSessionInfo.Outputs(Library, _session);
            Metadata = OrtSessionInfo.Metadata(Library, _session);
        }
        catch
        {
            _session.Dispose();
            throw;
        }
    }

    /// <summary>The ONNX Runtime library this session runs in.</summary>
    public OrtLibrary Library { get; }

    /// <summary>The execution provider the session was created for.</summary>
    public ExecutionProvider Provider { get; }

    /// <summary>The model's inputs, in order.</summary>
    public IReadOnlyList<TensorInfo> Inputs => _inputs;

    /// <summary>The model's outputs, in order.</summary>
    public IReadOnlyList<TensorInfo> Outputs => _outputs;

    /// <summary>What the model says about itself: producer, description, custom metadata.</summary>
    public ModelMetadata Metadata { get; }

    /// <summary>
    /// Runs the model on <paramref name="inputs"/> (one tensor per model input, by name; a batch is a tensor with N
    /// rows) and returns the requested outputs, all by default, in the order asked, copied into managed arrays.
    /// </summary>
    /// <exception cref="OnnxRuntimeException">ORT rejects an input (unknown name, wrong type or shape) or fails while running;
    /// the message quotes ORT's.</exception>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    public IReadOnlyList<NamedTensor> Run(IReadOnlyList<NamedTensor> inputs, IReadOnlyList<string>? outputNames = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ObjectDisposedException.ThrowIf(_session.IsClosed, this);
        var names = outputNames ?? Array.ConvertAll(_outputs, o => o.Name);
        var api = Library.Api;
        var inputValues = new ValueHandle[inputs.Count];
        var inputPointers = new nint[inputs.Count];
        var outputPointers = new nint[names.Count];
        var outputValues = new ValueHandle?[names.Count];
        var pins = new List<GCHandle>(inputs.Count);
        var added = false;
        try
        {
            _session.DangerousAddRef(ref added);
            for (var i = 0; i < inputs.Count; i++)
            {
                inputValues[i] = OrtTensors.ToValue(Library, inputs[i] ?? throw new ArgumentException($"Input {i} is null.", nameof(inputs)), pins);
                inputPointers[i] = inputValues[i].Pointer;
            }
            var inputNames = NameTable.Of(inputs.Select(t => t.Name));
            var outputNameTable = NameTable.Of(names);
            fixed (byte* inputText = inputNames.Text)
            fixed (byte* outputText = outputNameTable.Text)
            fixed (nint* inputNamePointers = inputNames.Pointers(inputText))
            fixed (nint* outputNamePointers = outputNameTable.Pointers(outputText))
            fixed (nint* inputValuePointers = inputPointers)
            fixed (nint* outputValuePointers = outputPointers)
            {
                var status = api.Run(_session.Pointer, 0, inputNamePointers, inputValuePointers, (nuint)inputs.Count,
                    outputNamePointers, (nuint)names.Count, outputValuePointers);
                for (var i = 0; i < outputPointers.Length; i++)
                    if (outputPointers[i] != 0) outputValues[i] = new ValueHandle(api, outputPointers[i]);
                OrtStatus.Check(api, status, "running the session");
            }
            var result = new NamedTensor[names.Count];
            for (var i = 0; i < result.Length; i++) result[i] = OrtTensors.FromValue(api, names[i], outputValues[i]!);
            return result;
        }
        finally
        {
            foreach (var value in outputValues) value?.Dispose();
            foreach (var value in inputValues) value?.Dispose();
            foreach (var pin in pins) pin.Free();
            if (added) _session.DangerousRelease();
        }
    }

    /// <summary>Releases the native session; runs already in progress finish first. Safe to call more than once.</summary>
    public void Dispose() => _session.Dispose();

    private static nint CreateFromFile(OrtLibrary library, SessionOptionsHandle options, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path, "modelPath");
        var full = Path.GetFullPath(path);
        // ORTCHAR_T is wchar_t on Windows and char (UTF-8) elsewhere.
        var text = OperatingSystem.IsWindows() ? Encoding.Unicode.GetBytes(full + "\0") : Encoding.UTF8.GetBytes(full + "\0");
        nint session;
        fixed (byte* native = text)
        {
            OrtStatus.Check(library.Api, library.Api.CreateSession(library.Env.Pointer, native, options.Pointer, &session),
                $"loading the model {full}");
        }
        return session;
    }

    private static nint CreateFromBytes(OrtLibrary library, SessionOptionsHandle options, byte[] model)
    {
        if (model.Length == 0) throw new OnnxRuntimeException("The model bytes are empty; expected a serialized ONNX model.");
        nint session;
        fixed (byte* data = model)
        {
            OrtStatus.Check(library.Api, library.Api.CreateSessionFromArray(library.Env.Pointer, data, (nuint)model.Length, options.Pointer, &session),
                $"loading a model of {model.Length} bytes");
        }
        return session;
    }
}
