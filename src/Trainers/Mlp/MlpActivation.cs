namespace Pipelines.Trainers.Mlp;

/// <summary>
/// The nonlinearity after a layer. The names are ONNX operator names (Relu, LeakyRelu with alpha 0.01, Gelu with
/// approximate="tanh", Tanh); <see cref="Identity"/> is the output layer's (no operator).
/// </summary>
public enum MlpActivation
{
    Relu,
    LeakyRelu,
    Gelu,
    Tanh,
    Identity,
}
