using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Ensembles;
using Pipelines.Errors;
using Pipelines.Prediction;
using Pipelines.Transforms.Encoding;

namespace Pipelines.Tests.Ensembles;

[TestClass]
public sealed class WeightedEnsembleTests
{
    /// <summary>x numeric, color categorical, note text, y the label.</summary>
    private static DataFrame Data() => new(
    [
        new NumericColumn("x", [-2, -0.5f, 0, 0.25f, 1, 3]),
        CategoricalColumn.FromValues("color", ["red", "blue", "red", "green", "blue", "red"]),
        new TextColumn("note", ["a", "b", "c", "d", "e", "f"]),
        CategoricalColumn.FromValues("y", ["no", "no", "yes", "no", "yes", "yes"]),
    ], label: "y");

    /// <summary>Member 0 reads x; member 1 one-hot encodes color and reads "color=red".</summary>
    private static (ITransformer Plain, ITransformer Encoded) Members()
    {
        var encoder = new OneHotEncode(Columns: ["color"]).Fit(Data());
        return (LineModel.Binary("x", 1.5f), new TransformerChain([encoder, LineModel.Binary("color=red", 2, -1)]));
    }

    private static WeightedEnsemble Ensemble(double w0 = 0.25) =>
        WeightedEnsemble.Create([Members().Plain, Members().Encoded], [w0, 1 - w0], Data().Schema);

    [TestMethod]
    public void Probabilities_are_the_weighted_average_and_the_label_their_argmax()
    {
        var data = Data();
        var (plain, encoded) = Members();
        var p0 = EnsembleMember.Predict(plain, data);
        var p1 = EnsembleMember.Predict(encoded, data);
        var output = Ensemble().Transform(data);
        var labels = (CategoricalColumn)output[PredictionColumns.PredictedLabel];
        for (var r = 0; r < data.RowCount; r++)
        {
            var yes = 0.25 * p0[2 * r + 1] + 0.75 * p1[2 * r + 1];
            Assert.AreEqual(yes, output.Numeric(PredictionColumns.Probability("yes"))[r], 1e-6, $"row {r}");
            Assert.AreEqual(1 - yes, output.Numeric(PredictionColumns.Probability("no"))[r], 1e-6, $"row {r}");
            Assert.AreEqual(yes > 0.5 ? "yes" : "no", labels.ValueAt(r), $"row {r}");
        }
    }

    [TestMethod]
    public void Output_is_the_input_plus_prediction_columns_without_member_columns()
    {
        var data = Data();
        var ensemble = Ensemble();
        var output = ensemble.Transform(data);
        string[] expected = [.. data.Names, PredictionColumns.PredictedLabel, PredictionColumns.Probability("no"), PredictionColumns.Probability("yes")];
        CollectionAssert.AreEqual(expected, output.Names.ToArray());
        Assert.AreEqual(output.Schema, ensemble.GetOutputSchema(data.Schema));
        Assert.IsTrue(output["x"].ContentEquals(data["x"]) && output["color"].ContentEquals(data["color"]), "input columns pass through unchanged");
    }

    [TestMethod]
    public void Task_classes_and_features_come_from_the_members_and_the_schema()
    {
        var ensemble = Ensemble();
        Assert.AreEqual(PredictionTask.BinaryClassification, ensemble.Task);
        CollectionAssert.AreEqual(new[] { "no", "yes" }, ensemble.Classes.ToArray());
        CollectionAssert.AreEqual(new[] { "x", "color" }, ensemble.Features.ToArray(), "numeric and categorical features; not text, not the label");
        Assert.HasCount(Data().RowCount * 2, ensemble.Predict(Data()));
    }

    [TestMethod]
    public void Regression_score_is_the_weighted_average()
    {
        var data = Data().WithLabel(null);
        var ensemble = new WeightedEnsemble([LineModel.Regression("x", 2, 1), LineModel.Regression("x", -1)], [0.75, 0.25], ["x"]);
        var output = ensemble.Transform(data);
        Assert.AreEqual(PredictionTask.Regression, ensemble.Task);
        string[] expected = [.. data.Names, PredictionColumns.Score];
        CollectionAssert.AreEqual(expected, output.Names.ToArray());
        var x = data.Numeric("x").Values;
        for (var r = 0; r < x.Length; r++) Assert.AreEqual(0.75 * (2 * x[r] + 1) + 0.25 * -x[r], output.Numeric(PredictionColumns.Score)[r], 1e-6);
    }

    [TestMethod]
    public void One_member_of_weight_one_predicts_as_that_member()
    {
        var (_, encoded) = Members();
        var ensemble = new WeightedEnsemble([encoded], [1.0], ["color"]);
        CollectionAssert.AreEqual(EnsembleMember.Predict(encoded, Data()), ensemble.Predict(Data()));
    }

    [TestMethod]
    public void An_ensemble_can_be_a_member_and_old_prediction_columns_are_replaced()
    {
        var inner = Ensemble(0.5);
        var outer = new WeightedEnsemble([inner, Members().Plain], [0.5, 0.5], ["x", "color"]);
        var once = outer.Transform(Data());
        var twice = outer.Transform(once);
        Assert.IsTrue(once.ContentEquals(twice), "transforming its own output replaces the prediction columns");
        var p = inner.Predict(Data());
        var plain = Members().Plain.Transform(Data()).Numeric(PredictionColumns.Probability("yes"));
        Assert.AreEqual(0.5 * p[1] + 0.5 * plain[0], once.Numeric(PredictionColumns.Probability("yes"))[0], 1e-6);
    }

    [TestMethod]
    public void Members_with_other_classes_are_refused()
    {
        var swapped = new LineModel(PredictionTask.BinaryClassification, "x", ["yes", "no"], 1, 0);
        var error = Assert.ThrowsExactly<ArgumentException>(() => new WeightedEnsemble([Members().Plain, swapped], [0.5, 0.5], ["x"]));
        StringAssert.Contains(error.Message, "member 1 has classes [yes, no] but member 0 has [no, yes]");
        var three = new LineModel(PredictionTask.MulticlassClassification, "x", ["no", "yes", "maybe"], 1, 0);
        Assert.ThrowsExactly<ArgumentException>(() => new WeightedEnsemble([Members().Plain, three], [0.5, 0.5], ["x"]));
        var regression = LineModel.Regression("x", 1);
        error = Assert.ThrowsExactly<ArgumentException>(() => new WeightedEnsemble([Members().Plain, regression], [0.5, 0.5], ["x"]));
        StringAssert.Contains(error.Message, "one task");
    }

    [TestMethod]
    public void Bad_weights_are_refused()
    {
        var (plain, encoded) = Members();
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => new WeightedEnsemble([plain, encoded], [0.5, 0.4], ["x"])).Message, "sum to 0.9");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => new WeightedEnsemble([plain, encoded], [1.0], ["x"])).Message, "2 members but 1 weights");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => new WeightedEnsemble([plain, encoded], [1.0, 0], ["x"])).Message, "positive");
        Assert.ThrowsExactly<ArgumentException>(() => new WeightedEnsemble([plain, encoded], [double.NaN, 1], ["x"]));
        Assert.ThrowsExactly<ArgumentException>(() => new WeightedEnsemble([], [], ["x"]));
    }

    [TestMethod]
    public void A_member_that_does_not_end_in_a_learner_is_refused()
    {
        var encoder = new OneHotEncode().Fit(Data());
        var error = Assert.ThrowsExactly<ArgumentException>(() =>
            new WeightedEnsemble([Members().Plain, new TransformerChain([encoder])], [0.5, 0.5], ["x"]));
        StringAssert.Contains(error.Message, "member 1 (TransformerChain) does not end in a learner");
        Assert.ThrowsExactly<ArgumentException>(() => new WeightedEnsemble([Members().Plain, null!], [0.5, 0.5], ["x"]));
    }

    [TestMethod]
    public void A_missing_input_column_is_a_schema_error()
    {
        var ensemble = Ensemble();
        Assert.ThrowsExactly<SchemaException>(() => ensemble.Transform(Data().Without("color")));
        Assert.ThrowsExactly<SchemaException>(() => ensemble.GetOutputSchema(Data().Without("x").Schema));
        Assert.ThrowsExactly<SchemaException>(() => WeightedEnsemble.Create([Members().Encoded], [1.0], Data().Without("color").Schema));
    }
}
