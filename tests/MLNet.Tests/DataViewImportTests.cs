using Microsoft.ML;
using Microsoft.ML.Data;
using Pipelines.Data;
using Pipelines.Errors;
using Analysis = Microsoft.Data.Analysis;

namespace Pipelines.MLNet.Tests;

[TestClass]
public sealed class DataViewImportTests
{
    public sealed class AllTypes
    {
        public float F { get; set; }
        public double D { get; set; }
        public sbyte I8 { get; set; }
        public byte U8 { get; set; }
        public short I16 { get; set; }
        public ushort U16 { get; set; }
        public int I32 { get; set; }
        public uint U32 { get; set; }
        public long I64 { get; set; }
        public ulong U64 { get; set; }
        public bool B { get; set; }
        public string? S { get; set; }
        public string? Id { get; set; }
        [VectorType(2)] public float[] V { get; set; } = [];
    }

    private static AllTypes[] Rows(int n) =>
    [
        .. Enumerable.Range(0, n).Select(i => new AllTypes
        {
            F = i == 1 ? float.NaN : i + 0.5f, D = i == 2 ? double.NaN : i * 2.0, I8 = (sbyte)-i, U8 = (byte)i, I16 = (short)(i * 3),
            U16 = (ushort)i, I32 = -7 * i, U32 = (uint)i, I64 = 1000L * i, U64 = (ulong)i, B = i % 2 == 0,
            S = i == 3 ? "" : i % 2 == 0 ? "red" : "blue", Id = $"row-{i}", V = [i, i == 4 ? float.NaN : -i],
        }),
    ];

    [TestMethod]
    public void Every_scalar_type_and_a_vector_become_frame_columns_with_their_missing_values()
    {
        var ml = new MLContext(seed: 1);
        var frame = ml.Data.LoadFromEnumerable(Rows(6)).ToFrame(new DataViewImportOptions { ColumnKinds = new Dictionary<string, ColumnKind> { ["Id"] = ColumnKind.Text } });

        CollectionAssert.AreEqual(new[] { "F", "D", "I8", "U8", "I16", "U16", "I32", "U32", "I64", "U64", "B", "S", "Id", "V[0]", "V[1]" }, frame.Names.ToArray());
        foreach (var name in new[] { "F", "D", "I8", "U8", "I16", "U16", "I32", "U32", "I64", "U64", "B", "V[0]", "V[1]" })
            Assert.AreEqual(ColumnKind.Numeric, frame[name].Kind, name);
        Assert.IsTrue(float.IsNaN(frame.Numeric("F")[1]));
        Assert.IsTrue(float.IsNaN(frame.Numeric("D")[2]));
        Assert.AreEqual(-5f, frame.Numeric("I8")[5]);
        Assert.AreEqual(-35f, frame.Numeric("I32")[5]);
        Assert.AreEqual(5000f, frame.Numeric("I64")[5]);
        CollectionAssert.AreEqual(new[] { 1f, 0f, 1f, 0f, 1f, 0f }, frame.Numeric("B").ToArray());
        Assert.AreEqual(4f, frame.Numeric("V[0]")[4]);
        Assert.IsTrue(float.IsNaN(frame.Numeric("V[1]")[4]));
        var s = frame.Categorical("S");
        Assert.AreEqual("red", s.ValueAt(0));
        Assert.IsNull(s.ValueAt(3), "empty text is missing");
        Assert.AreEqual(ColumnKind.Text, frame["Id"].Kind, "declared text");
        Assert.AreEqual("row-5", ((TextColumn)frame["Id"])[5]);
    }

    [TestMethod]
    public void Text_is_categorical_when_its_values_repeat_and_text_when_nearly_unique()
    {
        var ml = new MLContext(seed: 1);
        var frame = ml.Data.LoadFromEnumerable(Rows(300)).ToFrame();
        Assert.AreEqual(ColumnKind.Categorical, frame["S"].Kind);
        Assert.AreEqual(ColumnKind.Text, frame["Id"].Kind, "300 distinct values in 300 rows exceed the category limit");
    }

    [TestMethod]
    public void Vector_slots_are_named_from_slot_names_else_by_index()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vector-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "a,b,c,y\n1,2,,yes\n4,5,6,no\n");
        try
        {
            var ml = new MLContext(seed: 1);
            TextLoader.Column[] columns = [new("Features", DataKind.Single, 0, 2), new("y", DataKind.String, 3)];
            // A loader made with a data sample takes the header as the vector's slot names; LoadFromTextFile does not.
            // MissingRealsAsNaNs: without it TextLoader reads an empty number inside a vector as 0.
            var options = new TextLoader.Options { Columns = columns, Separators = [','], HasHeader = true, MissingRealsAsNaNs = true };
            var named = ml.Data.CreateTextLoader(options, dataSample: new MultiFileSource(path)).Load(path).ToFrame("y");
            CollectionAssert.AreEqual(new[] { "Features.a", "Features.b", "Features.c", "y" }, named.Names.ToArray());
            Assert.IsTrue(float.IsNaN(named.Numeric("Features.c")[0]), "an empty numeric field is missing");
            Assert.AreEqual(6f, named.Numeric("Features.c")[1]);

            var unnamed = ml.Data.LoadFromTextFile(path, columns, separatorChar: ',', hasHeader: true).ToFrame(new DataViewImportOptions());
            CollectionAssert.AreEqual(new[] { "Features[0]", "Features[1]", "Features[2]", "y" }, unnamed.Names.ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void Keys_become_categories_named_by_their_key_values_and_key_zero_is_missing()
    {
        var ml = new MLContext(seed: 1);
        var view = ml.Data.LoadFromEnumerable(Rows(6));
        var keyed = ml.Transforms.Conversion.MapValueToKey("K", "S").Fit(view).Transform(view);
        var frame = keyed.ToFrame(new DataViewImportOptions { Columns = ["K"] });
        var k = frame.Categorical("K");
        CollectionAssert.AreEqual(new[] { "red", "blue" }, k.Categories.ToArray(), "in key order");
        CollectionAssert.AreEqual(new[] { "red", "blue", "red", null, "red", "blue" }, Enumerable.Range(0, 6).Select(k.ValueAt).ToArray());

        var back = frame.ToDataView(categoriesAsKeys: true).ToFrame();
        Assert.IsTrue(back["K"].ContentEquals(k), "frame → keys → frame keeps the values");
    }

    [TestMethod]
    public void The_label_chosen_by_name_decides_the_task()
    {
        var ml = new MLContext(seed: 1);
        var view = ml.Data.LoadFromEnumerable(Rows(40));
        Assert.AreEqual(PredictionTask.BinaryClassification, LabelTask.Detect(view.ToFrame("S")));
        Assert.AreEqual(ColumnRole.Label, view.ToFrame("S").RoleOf("S"));
        Assert.AreEqual(PredictionTask.BinaryClassification, LabelTask.Detect(view.ToFrame("B")), "a Boolean label is two classes, 0 and 1");
        Assert.AreEqual(PredictionTask.Regression, LabelTask.Detect(view.ToFrame("F")));
        Assert.AreEqual(ColumnKind.Categorical, view.ToFrame("Id").Label!.Kind, "a text label is always categorical");
        var weighted = view.ToFrame(new DataViewImportOptions { Label = "S", Weight = "D" });
        Assert.AreEqual("D", weighted.WeightName);
    }

    public sealed class Dated
    {
        public float X { get; set; }
        public DateTime When { get; set; }
        public float[] Ragged { get; set; } = [];
    }

    [TestMethod]
    public void Unsupported_columns_are_named_with_their_type_and_what_to_do()
    {
        var ml = new MLContext(seed: 1);
        var view = ml.Data.LoadFromEnumerable(new[] { new Dated { X = 1, When = DateTime.UnixEpoch, Ragged = [1, 2] } });

        var date = Assert.ThrowsExactly<SchemaException>(() => view.ToFrame(new DataViewImportOptions { Columns = ["X", "When"] }));
        StringAssert.Contains(date.Message, "'When'");
        StringAssert.Contains(date.Message, "DateTime");
        StringAssert.Contains(date.Message, "DropColumns");
        var ragged = Assert.ThrowsExactly<SchemaException>(() => view.ToFrame(new DataViewImportOptions { Columns = ["X", "Ragged"] }));
        StringAssert.Contains(ragged.Message, "'Ragged'");
        StringAssert.Contains(ragged.Message, "Vector<Single>");
        StringAssert.Contains(ragged.Message, "variable size");

        Assert.AreEqual(1, view.ToFrame(new DataViewImportOptions { Columns = ["X"] }).ColumnCount, "leaving them out imports the rest");
        var missing = Assert.ThrowsExactly<SchemaException>(() => view.ToFrame("y"));
        StringAssert.Contains(missing.Message, "'y'");
        Assert.ThrowsExactly<SchemaException>(() => view.ToFrame(new DataViewImportOptions { ColumnKinds = new Dictionary<string, ColumnKind> { ["X"] = ColumnKind.Categorical }, Columns = ["X"] }));
    }

    [TestMethod]
    public void A_Microsoft_Data_Analysis_DataFrame_imports_with_null_numbers_and_strings_missing()
    {
        var data = new Analysis.DataFrame(
            new Analysis.SingleDataFrameColumn("x", [1.5f, null, 3f]),
            new Analysis.DoubleDataFrameColumn("d", [null, 2.0, 4.0]),
            new Analysis.Int32DataFrameColumn("n", [1, 2, 3]),
            new Analysis.StringDataFrameColumn("c", ["a", null, "a"]),
            new Analysis.BooleanDataFrameColumn("y", [true, false, true]));
        var frame = data.ToFrame("y");
        Assert.IsTrue(float.IsNaN(frame.Numeric("x")[1]));
        Assert.IsTrue(float.IsNaN(frame.Numeric("d")[0]));
        CollectionAssert.AreEqual(new[] { 1f, 2f, 3f }, frame.Numeric("n").ToArray());
        Assert.IsNull(frame.Categorical("c").ValueAt(1));
        CollectionAssert.AreEqual(new[] { 1f, 0f, 1f }, frame.Numeric("y").ToArray());
    }

    [TestMethod]
    public void A_frame_round_trips_through_its_data_view()
    {
        var frame = new DataFrame(
        [
            new NumericColumn("x", [1f, float.NaN, -2.5f]),
            CategoricalColumn.FromValues("c", ["b", null, "a"]),
            new TextColumn("t", ["free text", null, "more"]),
        ], label: "c");
        var view = frame.ToDataView();
        Assert.AreEqual(NumberDataViewType.Single, view.Schema["x"].Type);
        Assert.AreEqual(TextDataViewType.Instance, view.Schema["c"].Type);
        var back = view.ToFrame(new DataViewImportOptions { Label = "c", ColumnKinds = new Dictionary<string, ColumnKind> { ["t"] = ColumnKind.Text } });
        foreach (var column in frame.Columns) Assert.IsTrue(back[column.Name].ContentEquals(column), column.Name);
        Assert.AreEqual("c", back.LabelName);
        Assert.AreEqual(3, view.GetRowCount());
    }
}
