using Pipelines.Core;
using Pipelines.Data;
using Pipelines.MLNet.Trainers;
using Pipelines.Prediction;
using Pipelines.Transforms.Cleaning;
using Pipelines.Transforms.Encoding;

namespace Pipelines.MLNet.Tests.Trainers;

/// <summary>
/// ML.NET's trainers read imputed and one-hot columns, which are derived (computed as they are read), a block of rows
/// at a time through the training view: the same models as from the same values in arrays.
/// </summary>
[TestClass]
public sealed class DerivedColumnTrainingTests
{
    [TestMethod]
    public void Lbfgs_and_LightGbm_fit_derived_columns_as_arrays()
    {
        var (derived, plain) = Prepared();
        Assert.IsTrue(derived.Features.OfType<NumericColumn>().Count(c => c.IsDerived) >= 5, "the imputed and one-hot columns are derived");
        foreach (var learner in new IEstimator<IPredictor>[] { new LbfgsClassifier { Threads = 1, Seed = 3 }, new LbfgsClassifier { Threads = 2, Seed = 3 }, new LightGbmClassifier { Seed = 3 } })
        {
            var expected = learner.Fit(plain).Predict(plain);
            CollectionAssert.AreEqual(expected, learner.Fit(derived).Predict(plain), $"{learner.GetType().Name}: fitted on derived columns");
            CollectionAssert.AreEqual(expected, learner.Fit(plain).Predict(derived), $"{learner.GetType().Name}: predicting derived columns");
        }
    }

    /// <summary>Three numbers with gaps and a category of five levels, imputed and one-hot encoded; and the same values in arrays.</summary>
    private static (DataFrame Derived, DataFrame Plain) Prepared()
    {
        const int Rows = 3001; // over several of the view's blocks, and no multiple of one
        var random = new Random(17);
        var x = Enumerable.Range(0, 3).Select(_ => new float[Rows]).ToArray();
        var levels = new string?[Rows];
        var y = new string[Rows];
        for (var r = 0; r < Rows; r++)
        {
            foreach (var column in x) column[r] = random.NextDouble() < 0.05 ? float.NaN : (float)(random.NextDouble() * 4 - 2);
            var level = random.Next(5);
            levels[r] = random.NextDouble() < 0.05 ? null : $"k{level}";
            var score = (float.IsNaN(x[0][r]) ? 0 : x[0][r]) - (level == 2 ? 1 : 0) + random.NextDouble() - 0.5;
            y[r] = score > 0 ? "yes" : "no";
        }
        var frame = new DataFrame([
            .. x.Select((values, j) => (Column)new NumericColumn($"x{j}", values)),
            CategoricalColumn.FromValues("c", levels),
            CategoricalColumn.FromValues("y", y),
        ]).WithLabel("y");
        var derived = new ImputeMissing().Append(new OneHotEncode()).FitTransform(frame).Output;
        var plain = derived.WithColumns([.. derived.Columns.Select(c => c is NumericColumn n ? new NumericColumn(n.Name, n.ToArray()) : c)]);
        return (derived, plain);
    }
}
