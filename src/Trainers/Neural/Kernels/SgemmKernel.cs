namespace Pipelines.Trainers.Neural.Kernels;

/// <summary>Which register-blocked micro-kernel <see cref="Sgemm"/> uses.</summary>
public enum SgemmKernel
{
    /// <summary>Plain scalar loops, 4 x 8 tile: for hardware without 256-bit vectors.</summary>
    Scalar,

    /// <summary>6 x 16 tile of 12 Vector256 accumulators, FMA where supported (AVX2 + FMA).</summary>
    Vector256,

    /// <summary>6 x 32 tile of 12 Vector512 accumulators (AVX-512F).</summary>
    Vector512,
}
