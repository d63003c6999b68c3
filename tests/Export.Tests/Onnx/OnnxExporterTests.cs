using System.Text.Json;
using Pipelines.Export.Onnx;
using Pipelines.Export.Onnx.Proto;
using Pipelines.Tests.Contract;
using Pipelines.Transforms.Encoding;

namespace Pipelines.Export.Tests.Onnx;

/// <summary>The graph contract: inputs, outputs, metadata, and what a converter writes, read back from bytes.</summary>
[TestClass]
public sealed class OnnxExporterTests
{
    [TestMethod]
    public void Inputs_are_the_raw_numeric_and_categorical_features_without_label_or_unused_text()
    {
        var chain = OnnxCases.Chain();
        var model = OnnxModel.Read(OnnxModel.ToBytes(OnnxExporter.Export(chain.Fitted, chain.Training)));
        var inputs = model.Graph.Input.ToDictionary(i => i.Name, i => i.Type.TensorType);
        CollectionAssert.AreEquivalent(new[] { "x1", "x2", "x3", "color", "band" }, inputs.Keys.ToArray());
        Assert.AreEqual((int)TensorProto.Types.DataType.Float, inputs["x1"].ElemType);
        Assert.AreEqual((int)TensorProto.Types.DataType.String, inputs["color"].ElemType);
        foreach (var input in inputs.Values)
        {
            Assert.AreEqual("N", input.Shape.Dim[0].DimParam);
            Assert.AreEqual(1L, input.Shape.Dim[1].DimValue);
        }
    }

    [TestMethod]
    public void Outputs_of_a_transform_only_pipeline_are_its_feature_columns_in_order()
    {
        var chain = OnnxCases.Chain();
        var model = OnnxExporter.Export(chain.Fitted, chain.Training);
        var expected = chain.Fitted.GetOutputSchema(chain.Training.Schema).Features
            .Where(c => c.Kind != Data.ColumnKind.Text).Select(c => c.Name + ".output").ToArray();
        CollectionAssert.AreEqual(expected, model.Graph.Output.Select(o => o.Name).ToArray());
        CollectionAssert.AreEqual(new[] { "pc1.output", "pc2.output", "pc3.output" }, expected);
    }

    [TestMethod]
    public void Metadata_has_description_label_classes_and_input_schema()
    {
        var chain = OnnxCases.Chain();
        var model = OnnxExporter.Export(chain.Fitted, chain.Training, new OnnxExportOptions(Description: "churn model v1"));
        Assert.AreEqual("churn model v1", model.DocString);
        var metadata = model.MetadataProps.ToDictionary(p => p.Key, p => p.Value);
        CollectionAssert.AreEqual(new[] { "no", "yes" }, JsonSerializer.Deserialize<string[]>(metadata[OnnxExporter.LabelClassesKey]));
        var schema = JsonSerializer.Deserialize<Dictionary<string, string>[]>(metadata[OnnxExporter.InputSchemaKey])!;
        CollectionAssert.AreEqual(new[] { "x1", "x2", "x3", "color", "band" }, schema.Select(c => c["name"]).ToArray());
        Assert.AreEqual("categorical", schema[3]["kind"]);
        Assert.AreEqual("tensor(string)[N,1]", schema[3]["onnx_type"]);

        var described = OnnxExporter.Export(chain.Fitted, chain.Training);
        Assert.AreEqual("Pipelines model: MissingImputer -> ValueClipper -> OneHotEncoder -> LookupEncoder -> AffineNormalizer -> PrincipalComponents", described.DocString);

        // The categories of the training rows, apart from input_schema (whose entries readers take as strings); none
        // where a schema alone is exported without them.
        var categories = JsonSerializer.Deserialize<Dictionary<string, string[]>>(metadata[OnnxExporter.InputCategoriesKey])!;
        CollectionAssert.AreEquivalent(new[] { "color", "band" }, categories.Keys.ToArray());
        CollectionAssert.AreEquivalent(chain.Training.Schema.WithCategoriesOf(chain.Training).Features.Single(c => c.Name == "color").Categories!.ToArray(), categories["color"]);
        Assert.IsFalse(OnnxExporter.Export(chain.Fitted, chain.Training.Schema).MetadataProps.Any(p => p.Key == OnnxExporter.InputCategoriesKey));
    }

    [TestMethod]
    public void One_hot_reads_back_as_a_slot_label_encoder_with_missing_and_unseen_slots()
    {
        var data = ContractData.WithMissing();
        var fitted = new OneHotEncode(Unseen: OneHotUnseen.Other, Missing: OneHotMissing.OwnColumn).Fit(data);
        var model = OnnxModel.Read(OnnxModel.ToBytes(OnnxExporter.Export(fitted, data)));
        var encoder = model.Graph.Node.Single(n => n.OpType == "LabelEncoder");
        Assert.AreEqual("ai.onnx.ml", encoder.Domain);
        Assert.AreEqual("color", encoder.Input.Single());
        var keys = encoder.Attribute.Single(a => a.Name == "keys_strings").Strings.Select(s => s.ToStringUtf8()).ToArray();
        var values = encoder.Attribute.Single(a => a.Name == "values_int64s").Ints.ToArray();
        var slots = keys.Zip(values).ToDictionary(p => p.First, p => p.Second);
        var names = fitted.OutputNames(0).ToList();
        Assert.AreEqual(names.IndexOf("color=red"), (int)slots["red"]);
        Assert.AreEqual(names.IndexOf("color=__missing__"), (int)slots[""]);
        Assert.AreEqual(names.IndexOf("color=__other__"), (int)encoder.Attribute.Single(a => a.Name == "default_int64").I);
        CollectionAssert.AreEqual(new[] { "Equal", "Cast", "Split" }, model.Graph.Node.SkipWhile(n => n != encoder).Skip(1).Take(3).Select(n => n.OpType).ToArray());
        CollectionAssert.AreEqual(names.Select(n => n + ".output").ToArray(), model.Graph.Output.Select(o => o.Name).Where(n => n.StartsWith("color", StringComparison.Ordinal)).ToArray());
    }

    [TestMethod]
    public void An_empty_string_category_is_refused_because_it_means_missing()
    {
        var fitted = new LookupEncoder(["color"], [["color"]], [["", "red"]], [[1f, 2f]], [[0f]], [[0f]]);
        var error = Assert.ThrowsExactly<OnnxExportException>(() => OnnxExporter.Export(fitted, ContractData.Standard()));
        StringAssert.Contains(error.Message, "empty string as a category");
    }

    [TestMethod]
    public void Saving_writes_a_model_that_reads_back()
    {
        var chain = OnnxCases.Chain();
        var model = OnnxExporter.Export(chain.Fitted, chain.Training);
        var path = Path.Combine(Path.GetTempPath(), $"pipelines-save-{Guid.NewGuid():N}.onnx");
        try
        {
            OnnxModel.Save(model, path);
            Assert.AreEqual(model, OnnxModel.Read(File.ReadAllBytes(path)));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
