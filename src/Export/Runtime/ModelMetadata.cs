namespace Pipelines.Export.Runtime;

/// <summary>What an ONNX model says about itself (ModelProto's producer, doc string, version and metadata_props).</summary>
/// <param name="ProducerName">The tool that wrote the model.</param>
/// <param name="GraphName">The graph's name.</param>
/// <param name="Domain">The model's domain.</param>
/// <param name="Description">The model's doc string.</param>
/// <param name="Version">The model version (ModelProto.model_version).</param>
/// <param name="CustomMetadata">The metadata_props key/value pairs.</param>
public sealed record ModelMetadata(
    string ProducerName,
    string GraphName,
    string Domain,
    string Description,
    long Version,
    IReadOnlyDictionary<string, string> CustomMetadata);
