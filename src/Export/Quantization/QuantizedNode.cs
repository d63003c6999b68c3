namespace Pipelines.Export.Quantization;

/// <summary>One node the quantizer rewrote: its name and operator, the weight it read, and what it became.</summary>
/// <param name="Node">The node's name in the original graph.</param>
/// <param name="OpType">MatMul or Gemm.</param>
/// <param name="Weight">The constant weight initializer it read.</param>
/// <param name="Rewrite">What replaced it, for example "DynamicQuantizeLinear + MatMulInteger (int8 [64, 3], 3 scales)".</param>
public sealed record QuantizedNode(string Node, string OpType, string Weight, string Rewrite);
