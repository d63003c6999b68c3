using Pipelines.Data;
using Pipelines.MLNet.Trainers;
using Pipelines.Tests.Contract;

namespace Pipelines.MLNet.Tests.Trainers;

/// <summary>
/// ML.NET's trainers under the shared contract, on numeric features (they refuse categorical and text columns). LightGbm
/// trains on NaN; FastTree, FastForest and the linear ones refuse it (ML.NET would skip those rows). Classifiers need two classes and regressors two rows, so none fits one row.
/// </summary>
public sealed class MLNetLearnerCases : IContractCaseSource
{
    private static readonly Capabilities Trees = new() { AcceptsOneRow = false };
    private static readonly Capabilities NoMissing = new() { AcceptsMissing = false, AcceptsOneRow = false };

    public IEnumerable<ContractCase> Cases =>
    [
        new("mlnet-lightgbm-binary", () => new LightGbmClassifier { NumberOfIterations = 8, NumberOfLeaves = 4, MinimumExampleCountPerLeaf = 5, Seed = 3 }, Trees, Binary),
        new("mlnet-lightgbm-multiclass", () => new LightGbmClassifier { NumberOfIterations = 6, NumberOfLeaves = 4, MinimumExampleCountPerLeaf = 5, Seed = 3 }, Trees, Multiclass),
        new("mlnet-lightgbm-regression", () => new LightGbmRegressor { NumberOfIterations = 8, NumberOfLeaves = 4, MinimumExampleCountPerLeaf = 5, SubsampleFraction = 0.8, Seed = 3 }, Trees, Regression),
        new("mlnet-fasttree-binary", () => new FastTreeClassifier { NumberOfTrees = 8, NumberOfLeaves = 4, MinimumExampleCountPerLeaf = 5, Seed = 3 }, NoMissing, Binary),
        new("mlnet-fasttree-regression", () => new FastTreeRegressor { NumberOfTrees = 8, NumberOfLeaves = 4, MinimumExampleCountPerLeaf = 5, Seed = 3 }, NoMissing, Regression),
        new("mlnet-fastforest-binary", () => new FastForestClassifier { NumberOfTrees = 8, NumberOfLeaves = 4, MinimumExampleCountPerLeaf = 5, Seed = 3 }, NoMissing, Binary),
        new("mlnet-fastforest-regression", () => new FastForestRegressor { NumberOfTrees = 8, NumberOfLeaves = 4, MinimumExampleCountPerLeaf = 5, Seed = 3 }, NoMissing, Regression),
        new("mlnet-lbfgs-binary", () => new LbfgsClassifier { Seed = 3 }, NoMissing, Binary),
        new("mlnet-lbfgs-multiclass", () => new LbfgsClassifier { L1Regularization = 0.1f, Seed = 3 }, NoMissing, Multiclass),
        new("mlnet-sdca-multiclass", () => new SdcaClassifier { Seed = 3 }, NoMissing, Multiclass),
        new("mlnet-sdca-binary", () => new SdcaClassifier { L2Regularization = 0.5f, Seed = 3 }, NoMissing, Binary),
        new("mlnet-sdca-regression", () => new SdcaRegressor { Seed = 3 }, NoMissing, Regression),
    ];

    private static DataFrame Binary() => ContractData.Standard().Without("color", "note");

    /// <summary>Three classes from x3 (0-2, 3-6, 7-9), x3 itself dropped.</summary>
    private static DataFrame Multiclass()
    {
        var data = ContractData.Standard();
        var x3 = data.Numeric("x3").Values;
        var label = new string?[data.RowCount];
        for (var i = 0; i < label.Length; i++) label[i] = x3[i] < 3 ? "low" : x3[i] < 7 ? "mid" : "high";
        return data.WithLabel(null).Without("y", "color", "note", "x3").With(CategoricalColumn.FromValues("band", label)).WithLabel("band");
    }

    private static DataFrame Regression() => ContractData.Regression().Without("color", "note");
}
