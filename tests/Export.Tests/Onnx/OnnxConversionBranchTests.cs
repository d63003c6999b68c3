using Pipelines.Data;
using Pipelines.Export.Onnx;
using Pipelines.Export.Onnx.Conversion;
using Pipelines.Export.Onnx.Proto;

namespace Pipelines.Export.Tests.Onnx;

/// <summary>Branches of a conversion share the graph and its inputs but not their columns or declared outputs.</summary>
[TestClass]
public sealed class OnnxConversionBranchTests
{
    private static OnnxConversionContext Context() => new(
        new OnnxGraphBuilder(), OnnxConverterRegistry.Default,
        new DataSchema([new ColumnSchema("x", ColumnKind.Numeric), new ColumnSchema("note", ColumnKind.Text)]));

    [TestMethod]
    public void What_a_branch_defines_removes_or_declares_stays_in_it()
    {
        var context = Context();
        var x = context.Numeric("x");
        var first = context.Branch();
        var second = context.Branch();
        var doubled = first.Graph.AddNode("Add", "doubled", [first.Numeric("x"), first.Numeric("x")]);
        first.SetNumeric("x", doubled);
        first.DeclareOutput("Score", doubled, TensorProto.Types.DataType.Float, OnnxDim.Rows, OnnxDim.Fixed(1));
        second.Remove("x");
        second.DeclareOutput("Score", x, TensorProto.Types.DataType.Float, OnnxDim.Rows, OnnxDim.Fixed(1));

        Assert.AreEqual(x, context.Numeric("x"), "the parent still reads the graph input");
        Assert.IsFalse(second.Has("x"));
        Assert.AreEqual(doubled, first.Numeric("x"));
        Assert.AreEqual(0, context.DeclaredOutputs.Count);
        Assert.AreEqual(doubled, first.DeclaredOutputs.Single().Value);
        Assert.AreEqual(x, second.DeclaredOutputs.Single().Value);
        Assert.AreSame(context.Graph, first.Graph);
    }

    [TestMethod]
    public void Branches_that_read_a_raw_text_column_share_one_graph_input()
    {
        var context = Context();
        var first = context.Branch().Text("note");
        var second = context.Branch().Text("note");
        Assert.AreEqual("note", first);
        Assert.AreEqual(first, second);
        Assert.AreEqual(first, context.Text("note"));
        var model = context.Graph.ToModel("test", []);
        Assert.AreEqual(1, model.Graph.Input.Count(i => i.Name == "note"));
    }
}
