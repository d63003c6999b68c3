using Microsoft.ML.Data;
using Pipelines.Data;
using Pipelines.IO;
using Pipelines.MLNet.Trainers;
using Pipelines.Prediction;
using Pipelines.Trainers.Trees.Forest;

namespace Pipelines.MLNet.Tests.Trainers;

/// <summary>Data for the ML.NET learners' tests, and the check that a model read from ML.NET predicts what ML.NET's own transform does.</summary>
internal static class MLNetReference
{
    public const double Tolerance = 1e-5;

    /// <summary>data/<paramref name="file"/> split 75/25 (seed 17), non-numeric features dropped; with <paramref name="missing"/>, NaN in both parts (<see cref="WithMissing"/>).</summary>
    public static (DataFrame Train, DataFrame Test) Split(string file, string label, bool missing, bool regression = false)
    {
        var data = CsvReader.Read(RepoPaths.Data(file), new CsvOptions { Label = label });
        data = data.Without([.. data.Features.Where(c => c.Kind != ColumnKind.Numeric).Select(c => c.Name)]);
        if (!regression) data = LabelTask.WithClassLabel(data);
        if (missing) data = WithMissing(data);
        var fold = Evaluation.Split.TrainTest(data, 0.25, 17);
        return (data.Take(fold.Train), data.Take(fold.Test));
    }

    /// <summary><paramref name="data"/> with NaN in every fifth value of its first five features (feature j from row j on).</summary>
    public static DataFrame WithMissing(DataFrame data)
    {
        var offset = 0;
        foreach (var column in data.Features.OfType<NumericColumn>().Take(5).ToList())
        {
            var values = column.ToArray();
            for (var i = offset++; i < values.Length; i += 5) values[i] = float.NaN;
            data = data.With(new NumericColumn(column.Name, values));
        }
        return data;
    }

    /// <summary>
    /// The model's in-process prediction on <paramref name="frame"/> equals ML.NET's transform of it by the trained ML.NET
    /// model: probabilities (or scores, relative) within 1e-5, and the same labels away from exact ties.
    /// </summary>
    public static void AssertMatches<T>(MLNetFit<T> fit, DataFrame frame) where T : Predictor
    {
        var model = fit.Model;
        var ours = model.Predict(frame);
        var scored = fit.Trained.Transform(fit.Data.View.ForFeatures(frame, model.Features));
        var rows = frame.RowCount;
        if (model.Task == PredictionTask.Regression)
        {
            var score = scored.GetColumn<float>("Score").ToArray();
            for (var r = 0; r < rows; r++) Assert.AreEqual(score[r], ours[r], Tolerance * Math.Max(1, Math.Abs(score[r])), $"score, row {r}");
            return;
        }
        var k = model.Classes.Count;
        if (scored.Schema.GetColumnOrNull("Score")?.Type is VectorDataViewType)
        {
            var probabilities = scored.GetColumn<float[]>("Score").ToArray();
            var labels = scored.GetColumn<uint>("PredictedLabel").ToArray();
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < k; c++) Assert.AreEqual(probabilities[r][c], ours[(r * k) + c], Tolerance, $"P({model.Classes[c]}), row {r}");
                var best = Enumerable.Range(0, k).MaxBy(c => ours[(r * k) + c]);
                var sorted = ours.AsSpan(r * k, k).ToArray().OrderDescending().ToArray();
                if (sorted[0] - sorted[1] > 1e-5) Assert.AreEqual((int)labels[r] - 1, best, $"label, row {r}");
            }
            return;
        }
        var positive = scored.Schema.GetColumnOrNull("Probability") is not null
            ? scored.GetColumn<float>("Probability").ToArray()
            : [.. scored.GetColumn<float>("Score").Select(s => (float)((1 + (s / ((ForestModel)(object)model).Trees.Count)) / 2))];
        var predicted = scored.GetColumn<bool>("PredictedLabel").ToArray();
        for (var r = 0; r < rows; r++)
        {
            Assert.AreEqual(positive[r], ours[(r * 2) + 1], Tolerance, $"P({model.Classes[1]}), row {r}");
            if (Math.Abs(ours[(r * 2) + 1] - 0.5) > 1e-5) Assert.AreEqual(predicted[r], ours[(r * 2) + 1] > 0.5, $"label, row {r}");
        }
    }
}
