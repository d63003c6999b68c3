using Pipelines.Errors;
using Pipelines.MLNet.Trainers;
using Pipelines.Tests.Contract;

namespace Pipelines.MLNet.Tests.Trainers;

/// <summary>Bad input to the ML.NET learners ends in one clear error that says what to do.</summary>
[TestClass]
public sealed class MLNetLearnerErrorTests
{
    [TestMethod]
    public void FastTree_and_FastForest_refuse_a_multiclass_label_naming_what_to_use()
    {
        var (train, _) = MLNetReference.Split("wine.csv", "cultivar", missing: false);
        var error = Assert.ThrowsExactly<SchemaException>(() => new FastTreeClassifier().Fit(train));
        StringAssert.Contains(error.Message, "FastTreeClassifier: ML.NET's FastTree classifier is binary, and the label has 3 classes");
        StringAssert.Contains(error.Message, "use LightGbmClassifier");
        Assert.ThrowsExactly<SchemaException>(() => new FastForestClassifier().Fit(train));
    }

    [TestMethod]
    public void A_categorical_feature_is_refused_before_and_at_fit()
    {
        var data = ContractData.Standard().Without("note");
        var before = Assert.ThrowsExactly<SchemaException>(() => new LightGbmClassifier().GetOutputSchema(data.Schema));
        StringAssert.Contains(before.Message, "feature 'color' is categorical; ML.NET's trainers take numbers, so encode it first");
        var fit = Assert.ThrowsExactly<SchemaException>(() => new LightGbmClassifier().Fit(data));
        StringAssert.Contains(fit.Message, "feature 'color' is categorical; encode it first");
    }

    [TestMethod]
    public void Missing_values_are_refused_where_ML_NET_would_skip_the_rows()
    {
        var data = ContractData.WithMissing().Without("color", "note");
        foreach (var fit in new Action[] { () => new FastTreeClassifier().Fit(data), () => new LbfgsClassifier().Fit(data), () => new SdcaClassifier().Fit(data) })
        {
            var error = Assert.ThrowsExactly<DataValueException>(fit);
            StringAssert.Contains(error.Message, "Put an ImputeMissing step before it.");
        }
        Assert.IsNotNull(new LightGbmClassifier { MinimumExampleCountPerLeaf = 5 }.Fit(data));
    }

    [TestMethod]
    public void Bad_options_name_the_option_and_what_it_takes()
    {
        var data = ContractData.Standard().Without("color", "note");
        var error = Assert.ThrowsExactly<ArgumentException>(() => new LightGbmClassifier { FeatureFraction = 0 }.Fit(data));
        StringAssert.Contains(error.Message, "LightGbmClassifier: option FeatureFraction = 0 is invalid; expected a fraction in (0, 1]");
        Assert.ThrowsExactly<ArgumentException>(() => new FastTreeRegressor { NumberOfLeaves = 1 }.Fit(ContractData.Regression().Without("color", "note")));
        Assert.ThrowsExactly<ArgumentException>(() => new SdcaClassifier { L2Regularization = 0 }.Fit(data));
    }

    [TestMethod]
    public void A_forest_that_grew_no_tree_is_refused_naming_the_leaf_minimum()
    {
        var rows = ContractData.Standard().Without("color", "note").Head(12);
        var error = Assert.ThrowsExactly<DataValueException>(() => new FastForestClassifier { MinimumExampleCountPerLeaf = 10 }.Fit(rows));
        StringAssert.Contains(error.Message, "FastForestClassifier: ML.NET's FastForest grew no tree from 12 rows, as every leaf needs at least 10 of them");
        Assert.ThrowsExactly<DataValueException>(() => new FastForestRegressor { MinimumExampleCountPerLeaf = 10 }.Fit(ContractData.Regression().Without("color", "note").Head(12)));
        Assert.IsNotNull(new FastForestClassifier { MinimumExampleCountPerLeaf = 2 }.Fit(rows));
    }

    [TestMethod]
    public void A_classifier_on_a_continuous_label_points_to_the_regressor()
    {
        var error = Assert.ThrowsExactly<SchemaException>(() => new LightGbmClassifier().Fit(ContractData.Regression().Without("color", "note")));
        StringAssert.Contains(error.Message, "use the regressor for regression");
    }
}
