using Pipelines.Export.Onnx;
using Pipelines.Export.Onnx.Proto;

namespace Pipelines.Export.Tests.Onnx;

[TestClass]
public sealed class OnnxGraphBuilderTests
{
    [TestMethod]
    public void Value_names_are_unique_and_clean()
    {
        var graph = new OnnxGraphBuilder();
        graph.AddInput("color=red", TensorProto.Types.DataType.Float, OnnxDim.Rows, OnnxDim.Fixed(1));
        Assert.AreEqual("color_red", graph.UniqueName("color=red"));
        Assert.AreEqual("color_red_2", graph.UniqueName("color=red"));
        Assert.AreEqual("x_output", graph.UniqueName("x.output"));
        Assert.ThrowsExactly<ArgumentException>(() => graph.AddInput("color=red", TensorProto.Types.DataType.Float));
    }

    [TestMethod]
    public void Nodes_need_existing_inputs_and_initializers_need_matching_shapes()
    {
        var graph = new OnnxGraphBuilder();
        Assert.ThrowsExactly<ArgumentException>(() => graph.AddNode("Abs", "y", ["nothing"]));
        Assert.ThrowsExactly<ArgumentException>(() => graph.AddFloats("w", [1f, 2f, 3f], 2, 2));
        Assert.ThrowsExactly<ArgumentException>(() => graph.AddNode("Foo", "custom.domain", "y", [], 1));
    }

    [TestMethod]
    public void Attribute_lists_are_written_packed_and_read_either_way()
    {
        // A tree ensemble's node lists are most of its file: packed, a list of ints is one tag and a length, not a tag
        // per value. Every protobuf parser reads both encodings, so files written before (unpacked) still load.
        var attribute = new AttributeProto { Name = "n", Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.Add([1, 2, 3]);
        var bytes = Google.Protobuf.MessageExtensions.ToByteArray(attribute);
        var ints = bytes.AsSpan(bytes.AsSpan().IndexOf((byte)0x42));
        CollectionAssert.AreEqual(new byte[] { 0x42, 3, 1, 2, 3 }, ints[..5].ToArray(), "field 8 packed: tag, length, values");

        byte[] unpacked = [0x40, 1, 0x40, 2, 0x40, 3, 0x3d, 0, 0, 0x80, 0x3f];
        var read = AttributeProto.Parser.ParseFrom(unpacked);
        CollectionAssert.AreEqual(new long[] { 1, 2, 3 }, read.Ints.ToArray());
        CollectionAssert.AreEqual(new float[] { 1f }, read.Floats.ToArray(), "field 7 unpacked: one tag per value");
    }

    [TestMethod]
    public void Model_has_opsets_producer_metadata_and_nodes_with_attributes()
    {
        var graph = new OnnxGraphBuilder();
        var x = graph.AddInput("x", TensorProto.Types.DataType.String, OnnxDim.Rows, OnnxDim.Fixed(1));
        var encoded = graph.AddMlNode("LabelEncoder", "code", [x],
            OnnxAttr.OfStrings("keys_strings", ["a", "b"]), OnnxAttr.OfFloats("values_floats", [1f, 2f]), OnnxAttr.OfFloat("default_float", -1f));
        graph.AddOutput("y", encoded, TensorProto.Types.DataType.Float, OnnxDim.Rows, OnnxDim.Fixed(1));
        var model = OnnxModel.Read(OnnxModel.ToBytes(graph.ToModel("a test", [new("k", "v")])));

        Assert.AreEqual(8L, model.IrVersion);
        Assert.AreEqual("Pipelines", model.ProducerName);
        Assert.IsFalse(string.IsNullOrEmpty(model.ProducerVersion));
        Assert.AreEqual("a test", model.DocString);
        Assert.AreEqual(17L, model.OpsetImport.Single(o => o.Domain == "").Version);
        Assert.AreEqual(3L, model.OpsetImport.Single(o => o.Domain == "ai.onnx.ml").Version);
        Assert.AreEqual("v", model.MetadataProps.Single(p => p.Key == "k").Value);
        var node = model.Graph.Node[0];
        Assert.AreEqual("LabelEncoder", node.OpType);
        Assert.AreEqual("ai.onnx.ml", node.Domain);
        CollectionAssert.AreEqual(new[] { "a", "b" }, node.Attribute.Single(a => a.Name == "keys_strings").Strings.Select(s => s.ToStringUtf8()).ToArray());
        Assert.AreEqual(-1f, node.Attribute.Single(a => a.Name == "default_float").F);
        Assert.AreEqual("Identity", model.Graph.Node[1].OpType);
        Assert.AreEqual("N", model.Graph.Output[0].Type.TensorType.Shape.Dim[0].DimParam);
        Assert.AreEqual(1L, model.Graph.Output[0].Type.TensorType.Shape.Dim[1].DimValue);
        OnnxChecker.Check(model);
    }

    [TestMethod]
    public void Reading_bytes_that_are_not_a_model_is_a_clear_error()
    {
        var error = Assert.ThrowsExactly<OnnxExportException>(() => OnnxModel.Read(new byte[] { 0xFF, 0xFF, 0xFF }));
        StringAssert.StartsWith(error.Message, "The bytes are not an ONNX model");
    }
}
