using Pipelines.Core;
using Pipelines.Data;

namespace Pipelines.Export.Tests.Onnx;

/// <summary>A fitted step to export, the frame it was fitted on (its schema gives the graph inputs), and held-out rows to compare on.</summary>
internal sealed record OnnxCase(string Name, ITransformer Fitted, DataFrame Training, DataFrame HeldOut);
