using System.Runtime.InteropServices;

namespace Pipelines.Export.Runtime;

/// <summary>
/// Owns one ONNX Runtime object and releases it with the matching <c>Release*</c> function exactly once, on
/// <see cref="SafeHandle.Dispose()"/> or, if forgotten, on finalization. SafeHandle's reference count keeps the
/// object alive while a native call uses it, even if another thread disposes it meanwhile.
/// </summary>
internal abstract class OrtHandle : SafeHandle
{
    private static long s_live;

    /// <summary>Takes ownership of <paramref name="pointer"/>, which <paramref name="api"/> created.</summary>
    protected OrtHandle(OrtApi api, nint pointer) : base(0, ownsHandle: true)
    {
        Api = api;
        SetHandle(pointer);
        if (pointer != 0) Interlocked.Increment(ref s_live);
    }

    /// <summary>How many ORT objects are owned by handles not yet released, process-wide (for leak tests).</summary>
    public static long LiveCount => Interlocked.Read(ref s_live);

    /// <summary>The function table that created the object and will release it.</summary>
    public OrtApi Api { get; }

    /// <inheritdoc />
    public override bool IsInvalid => handle == 0;

    /// <summary>The raw pointer, for a call made while the caller keeps this handle alive.</summary>
    public nint Pointer => handle;

    /// <inheritdoc />
    protected sealed override bool ReleaseHandle()
    {
        Release(handle);
        Interlocked.Decrement(ref s_live);
        return true;
    }

    /// <summary>Calls the <c>Release*</c> function for this kind of object.</summary>
    protected abstract void Release(nint pointer);
}
