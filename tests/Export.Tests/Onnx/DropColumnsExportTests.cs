using System.Text.Json;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.Export.Onnx;
using Pipelines.Export.Onnx.Proto;
using Pipelines.IO;
using Pipelines.Tests.Contract;
using Pipelines.Trainers.Trees;
using Pipelines.Transforms.Cleaning;

namespace Pipelines.Export.Tests.Onnx;

/// <summary>
/// Pipelines that start by dropping columns (what AutoML does with text features) export and run in ONNX Runtime: a
/// dropped text column is not a graph input (text inputs exist only for steps that read them), a dropped numeric or
/// categorical column stays an input that nothing reads, and feeding inputs by name from the full frame just works.
/// </summary>
[TestClass]
public sealed class DropColumnsExportTests
{
    [TestMethod]
    public void Dropped_text_is_no_input_and_dropped_numbers_are_unused_inputs()
    {
        var data = ContractData.WithMissing();
        var (train, test) = (data.Head(36), data.Take([.. Enumerable.Range(36, 12)]));
        var fitted = new DropColumns("note", "x3").Append(new GbdtClassifier { Rounds = 10, MinChildSamples = 2, Seed = 1 }).Fit(train);
        var model = LearnerParity.Assert(fitted, train, test);
        CollectionAssert.AreEqual(new[] { "x1", "x2", "x3", "color" }, InputNames(model));
        Assert.IsFalse(model.Graph.Node.Any(n => n.Input.Contains("x3")), "nothing reads the dropped numeric input");
        CollectionAssert.AreEqual(new[] { "x1", "x2", "x3", "color" }, InputSchemaNames(model));
    }

    [TestMethod]
    public void A_dropped_categorical_input_keeps_no_categories()
    {
        // The categories kept for naming unseen ones at predict (input_categories) are of the inputs the model reads:
        // 'color' stays an input, fed and unused, and a new color would change nothing.
        var data = ContractData.WithMissing();
        var train = data.Head(36);
        var reads = new DropColumns("note").Append(new ImputeMissing()).Fit(train);
        var ignores = new DropColumns("note", "color").Append(new ImputeMissing()).Fit(train);
        CollectionAssert.AreEqual(new[] { "color" }, CategoryInputs(OnnxExporter.Export(reads, train)));
        var model = OnnxExporter.Export(ignores, train);
        CollectionAssert.Contains(InputNames(model), "color");
        Assert.IsFalse(model.MetadataProps.Any(p => p.Key == OnnxExporter.InputCategoriesKey), "no input the model reads has categories");
    }

    private static string[] CategoryInputs(ModelProto model) =>
        [.. JsonSerializer.Deserialize<Dictionary<string, string[]>>(model.MetadataProps.Single(p => p.Key == OnnxExporter.InputCategoriesKey).Value)!.Keys];

    [TestMethod]
    public void Transform_only_chain_after_drop_columns_matches_on_held_out_rows()
    {
        var data = ContractData.WithMissing();
        var train = data.Head(36);
        var fitted = new DropColumns("note", "color").Append(new ImputeMissing()).Fit(train);
        OnnxParity.AssertTransformParity(fitted, train, data.Take([.. Enumerable.Range(36, 12)]));
        CollectionAssert.AreEqual(new[] { "x1", "x2", "x3", "color" }, InputNames(OnnxExporter.Export(fitted, train)));
    }

    [TestMethod]
    public void Messy_churn_with_its_text_columns_dropped_matches_onnx_runtime()
    {
        var data = LabelTask.WithClassLabel(CsvReader.Read(Path.Combine(LearnerData.Root, "data", "messy_churn.csv"), new CsvOptions { Label = "churned" }));
        var text = data.Features.Where(c => c.Kind == ColumnKind.Text).Select(c => c.Name).ToArray();
        CollectionAssert.Contains(text, "customer_id", "identifiers are read as text");
        var fold = Split.TrainTest(data, 0.25, LearnerData.Seed);
        var (train, test) = (data.Take(fold.Train), data.Take(fold.Test));
        // The free-text notes repeat enough to be read as categories: dropped too, they stay an unused string input.
        var fitted = new DropColumns([.. text, "notes"]).Append(new GbdtClassifier { Rounds = 20, Seed = 3 }).Fit(train);
        var model = LearnerParity.Assert(fitted, train, test);
        var inputs = InputNames(model);
        Assert.IsFalse(inputs.Intersect(text).Any(), $"inputs: {string.Join(", ", inputs)}");
        CollectionAssert.AreEqual(train.Features.Where(c => c.Kind != ColumnKind.Text).Select(c => c.Name).ToArray(), inputs);
    }

    private static string[] InputNames(ModelProto model) => [.. model.Graph.Input.Select(i => i.Name)];

    private static string[] InputSchemaNames(ModelProto model)
    {
        var json = model.MetadataProps.Single(p => p.Key == OnnxExporter.InputSchemaKey).Value;
        return [.. JsonSerializer.Deserialize<Dictionary<string, string>[]>(json)!.Select(c => c["name"])];
    }
}
