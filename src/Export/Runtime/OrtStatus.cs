using System.Runtime.InteropServices;

namespace Pipelines.Export.Runtime;

/// <summary>Turns an <c>OrtStatus*</c> into an <see cref="OnnxRuntimeException"/>, releasing the status.</summary>
internal static unsafe class OrtStatus
{
    /// <summary>
    /// Does nothing when <paramref name="status"/> is zero (success); otherwise reads ORT's code and message, releases
    /// the status and throws, saying the call failed <paramref name="action"/> (for example "running the session").
    /// </summary>
    public static void Check(OrtApi api, nint status, string action)
    {
        if (status != 0) throw ToException(api, status, action);
    }

    private static OnnxRuntimeException ToException(OrtApi api, nint status, string action)
    {
        try
        {
            var code = (OrtErrorCode)api.GetErrorCode(status);
            var message = Marshal.PtrToStringUTF8((nint)api.GetErrorMessage(status)) ?? "";
            return new OnnxRuntimeException(code, message, action);
        }
        finally
        {
            api.ReleaseStatus(status);
        }
    }
}
