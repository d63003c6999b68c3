using Pipelines.AutoML.Reporting;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Prediction;
using Pipelines.Trainers.Trees;

namespace Pipelines.AutoML.Tests.Reporting;

[TestClass]
public sealed class PermutationImportanceTests
{
    /// <summary>
    /// 'signal' alone decides the label (signal &gt; 0 → yes); 'noise' and 'colour' are independent of it; 'w' is a weight
    /// column, which is never a feature.
    /// </summary>
    private static DataFrame Frame(int rows, int seed)
    {
        var random = new Random(seed);
        var signal = new float[rows];
        var noise = new float[rows];
        var weight = new float[rows];
        var colour = new string?[rows];
        var label = new string?[rows];
        string[] colours = ["red", "green", "blue", "grey"];
        for (var i = 0; i < rows; i++)
        {
            signal[i] = (float)(random.NextDouble() * 2 - 1);
            noise[i] = (float)(random.NextDouble() * 2 - 1);
            weight[i] = 1;
            colour[i] = colours[random.Next(colours.Length)];
            label[i] = signal[i] > 0 ? "yes" : "no";
        }
        return new DataFrame(
            [new NumericColumn("noise", noise), new NumericColumn("signal", signal), CategoricalColumn.FromValues("colour", colour),
                new NumericColumn("w", weight), CategoricalColumn.FromValues("y", label)],
            label: "y", weight: "w");
    }

    /// <summary>Share of rows whose predicted label equals the label.</summary>
    internal static double Accuracy(DataFrame output)
    {
        var predicted = output.Categorical(PredictionColumns.PredictedLabel);
        var actual = (CategoricalColumn)output.Label!;
        var correct = 0;
        for (var i = 0; i < output.RowCount; i++) if (predicted.ValueAt(i) == actual.ValueAt(i)) correct++;
        return (double)correct / output.RowCount;
    }

    private static readonly Lazy<ITransformer> Model = new(() => new GbdtClassifier { Rounds = 30, Seed = 1 }.Fit(Frame(400, 1)));

    [TestMethod]
    public void Shuffling_the_informative_feature_costs_accuracy_and_shuffling_noise_does_not()
    {
        var test = Frame(300, 2);
        Assert.IsGreaterThan(0.95, Accuracy(Model.Value.Transform(test)), "the model learned the rule");
        var importance = PermutationImportance.Compute(Model.Value, test, Accuracy, repeats: 5, seed: 7);

        CollectionAssert.AreEquivalent(new[] { "signal", "noise", "colour" }, importance.Select(i => i.Feature).ToArray(), "label and weight are not features");
        Assert.AreEqual("signal", importance[0].Feature, "sorted by mean drop, largest first");
        Assert.IsGreaterThan(0.35, importance[0].MeanDrop, "shuffling the signal leaves about half the rows right");
        foreach (var useless in importance.Skip(1))
        {
            Assert.IsLessThan(0.03, Math.Abs(useless.MeanDrop), $"{useless.Feature}: {useless.MeanDrop}");
            Assert.IsGreaterThanOrEqualTo(0, useless.StdDrop);
        }
        Assert.IsGreaterThan(0, importance[0].StdDrop, "shuffles differ from one repeat to the next");
        Assert.IsLessThan(0.1, importance[0].StdDrop);
    }

    [TestMethod]
    public void Same_seed_gives_the_same_importances_and_another_seed_other_shuffles()
    {
        var test = Frame(200, 3);
        var first = PermutationImportance.Compute(Model.Value, test, Accuracy, repeats: 3, seed: 11);
        var again = PermutationImportance.Compute(Model.Value, test, Accuracy, repeats: 3, seed: 11);
        var other = PermutationImportance.Compute(Model.Value, test, Accuracy, repeats: 3, seed: 12);
        CollectionAssert.AreEqual(first.ToArray(), again.ToArray());
        Assert.AreNotEqual(first.Single(i => i.Feature == "signal"), other.Single(i => i.Feature == "signal"));
    }

    [TestMethod]
    public void Text_columns_are_shuffled_like_any_other()
    {
        // A stand-in model that reads a text column: it predicts "yes" when the note says so.
        var notes = new string?[100];
        var label = new string?[100];
        for (var i = 0; i < notes.Length; i++)
        {
            label[i] = i % 2 == 0 ? "yes" : "no";
            notes[i] = i % 10 == 0 ? null : $"customer says {label[i]}";
        }
        var frame = new DataFrame([new TextColumn("note", notes), new NumericColumn("id", [.. Enumerable.Range(0, 100).Select(i => (float)i)]),
            CategoricalColumn.FromValues("y", label)], label: "y");
        var importance = PermutationImportance.Compute(new ReadsNote(), frame, Accuracy, repeats: 4, seed: 1);
        Assert.AreEqual("note", importance[0].Feature);
        Assert.IsGreaterThan(0.25, importance[0].MeanDrop);
        Assert.AreEqual(0, importance.Single(i => i.Feature == "id").MeanDrop, "a column the model ignores never matters");
    }

    [TestMethod]
    public void Bad_arguments_are_refused_with_a_clear_message()
    {
        var test = Frame(50, 4);
        Assert.ThrowsExactly<ArgumentException>(() => PermutationImportance.Compute(Model.Value, test, Accuracy, repeats: 0, seed: 1));
        Assert.ThrowsExactly<DataValueException>(() => PermutationImportance.Compute(Model.Value, test.Head(1), Accuracy, repeats: 2, seed: 1));
        var error = Assert.ThrowsExactly<DataValueException>(() => PermutationImportance.Compute(Model.Value, test, _ => double.NaN, repeats: 2, seed: 1));
        StringAssert.Contains(error.Message, "finite");
    }

    private sealed class ReadsNote : ITransformer
    {
        public DataSchema GetOutputSchema(DataSchema input) =>
            new([.. input.Columns, new ColumnSchema(PredictionColumns.PredictedLabel, ColumnKind.Categorical)]);

        public DataFrame Transform(DataFrame input)
        {
            var note = (TextColumn)input["note"];
            var predicted = new string?[input.RowCount];
            for (var i = 0; i < predicted.Length; i++) predicted[i] = note[i]?.EndsWith("yes", StringComparison.Ordinal) == true ? "yes" : "no";
            return input.With(CategoricalColumn.FromValues(PredictionColumns.PredictedLabel, predicted));
        }
    }
}
