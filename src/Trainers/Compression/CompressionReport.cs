namespace Pipelines.Trainers.Compression;

/// <summary>
/// Before and after one compression of an MLP. Parameters are all weights and biases (dense storage); non-zeros leave
/// out the exact zeros (what sparse storage keeps). Accuracy is on the test rows given to
/// <see cref="MlpCompression.Compress"/>: accuracy for a classifier, R^2 for a regressor.
/// </summary>
/// <param name="Method">What was done, in words.</param>
/// <param name="ParametersBefore">Weights and biases before.</param>
/// <param name="ParametersAfter">Weights and biases after.</param>
/// <param name="NonZerosBefore">Weights and biases not exactly 0, before.</param>
/// <param name="NonZerosAfter">Weights and biases not exactly 0, after.</param>
/// <param name="AccuracyBefore">Test accuracy (R^2 for a regressor) before.</param>
/// <param name="AccuracyAfter">Test accuracy (R^2 for a regressor) after, of the returned float model.</param>
/// <param name="SimulatedInt8Accuracy">Quantization-aware training only: the test accuracy (R^2) of the network with int8
/// weights and uint8 activations simulated (fake-quantized), as an int8 runtime would compute it.</param>
public sealed record CompressionReport(
    string Method, long ParametersBefore, long ParametersAfter, long NonZerosBefore, long NonZerosAfter,
    double AccuracyBefore, double AccuracyAfter, double? SimulatedInt8Accuracy = null)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{Method}: parameters {ParametersBefore} -> {ParametersAfter}, non-zeros {NonZerosBefore} -> {NonZerosAfter}, " +
        $"accuracy {AccuracyBefore:F4} -> {AccuracyAfter:F4}" + (SimulatedInt8Accuracy is { } q ? $" (int8 simulated {q:F4})" : "");
}

/// <summary>The observed range of one quantized activation (uint8, asymmetric): scale = (Max - Min) / 255.</summary>
public sealed record ActivationRange(float Min, float Max, float Scale, int ZeroPoint);

/// <summary>A compressed model with its report; quantization-aware training adds the activation ranges it observed
/// (the network input first, then the output of each hidden layer).</summary>
public sealed record CompressionResult(Mlp.MlpModel Model, CompressionReport Report, IReadOnlyList<ActivationRange>? ActivationRanges = null);
