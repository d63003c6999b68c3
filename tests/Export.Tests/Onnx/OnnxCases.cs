using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Tests.Contract;
using Pipelines.Transforms.Cleaning;
using Pipelines.Transforms.Encoding;
using Pipelines.Transforms.Normalization;
using Pipelines.Transforms.Reduction;
using Pipelines.Transforms.Selection;

namespace Pipelines.Export.Tests.Onnx;

/// <summary>
/// Every converter under test, fitted on the first 36 rows of the contract data; held-out rows are the last 12 plus,
/// where the step takes them, a row with an unseen category and rows with missing values.
/// </summary>
internal static class OnnxCases
{
    private const int TrainRows = 36;

    private static readonly Lazy<IReadOnlyDictionary<string, OnnxCase>> ByName = new(() => Build().ToDictionary(c => c.Name, StringComparer.Ordinal));

    public static OnnxCase Get(string name) => ByName.Value[name];

    /// <summary>Case names as MSTest dynamic data rows.</summary>
    public static IEnumerable<object[]> Names => ByName.Value.Keys.Order(StringComparer.Ordinal).Select(n => new object[] { n });

    private static IEnumerable<OnnxCase> Build()
    {
        yield return Fit("affine-zscore", new ZScoreNormalize(), ContractData.Standard(), dirty: true);
        yield return Fit("affine-minmax", new MinMaxNormalize(), ContractData.Standard(), dirty: true);
        yield return Fit("signed-log1p", new Log1pTransform(), Shifted(ContractData.Standard()), dirty: true);
        yield return Fit("value-clipper", new ClipOutliers(ClipMethod.Quantile, LowerQuantile: 0.1, UpperQuantile: 0.9), ContractData.WithMissing(), dirty: true);
        yield return Fit("missing-imputer", new ImputeMissing(AddIndicators: true), ContractData.WithMissing(), dirty: true);
        yield return Fit("missing-imputer-constant", new ImputeMissing(NumericImputation.Constant, CategoricalImputation.Constant, NumericFill: -1, CategoricalFill: "none", AddIndicators: true), ContractData.WithMissing(), dirty: true);
        yield return Fit("column-dropper", new DropConstantColumns(), ContractData.WithConstant(), dirty: true);
        yield return Fit("one-hot", new OneHotEncode(), ContractData.WithMissing(), dirty: true);
        yield return Fit("one-hot-other-missing", new OneHotEncode(MinFrequency: 8, Unseen: OneHotUnseen.Other, Missing: OneHotMissing.OwnColumn), ContractData.WithMissing(), dirty: true);
        yield return Fit("one-hot-drop-binary", new OneHotEncode(MaxCategories: 2, DropIfBinary: true), ContractData.Standard(), dirty: true);
        yield return Fit("lookup-target", new TargetEncode(), ContractData.WithMissing(), dirty: true);
        yield return Fit("lookup-frequency", new FrequencyEncode(), ContractData.WithMissing(), dirty: true);
        yield return Fit("lookup-frequency-missing", new FrequencyEncode(MissingAsCategory: true), ContractData.WithMissing(), dirty: true);
        yield return Fit("lookup-ordinal", new OrdinalEncode(), ContractData.WithMissing(), dirty: true);
        yield return Fit("selected-features", new VarianceThreshold(Threshold: 1.5), ContractData.Standard(), dirty: true);
        yield return Fit("pca", new Pca(Components: 2), ContractData.Standard(), dirty: false);
        yield return Fit("pca-whiten", new Pca(Whiten: true), ContractData.Standard(), dirty: false);
        yield return Fit("lda", new Lda(), ContractData.Standard(), dirty: false);
        yield return new OnnxCase("pass-through", PassThrough.Instance, ContractData.WithMissing(), Dirty(ContractData.WithMissing().Take(Range(TrainRows, ContractData.Rows))));
        yield return Chain();
    }

    /// <summary>ImputeMissing -> ClipOutliers -> OneHotEncode -> TargetEncode -> ZScoreNormalize -> Pca, on the data with missing values and a second categorical column.</summary>
    public static OnnxCase Chain()
    {
        var data = WithBand(ContractData.WithMissing());
        var chain = new ImputeMissing(AddIndicators: true)
            .Append(new ClipOutliers())
            .Append(new OneHotEncode(Columns: ["color"], Unseen: OneHotUnseen.Other))
            .Append(new TargetEncode(Columns: ["band"]))
            .Append(new ZScoreNormalize())
            .Append(new Pca(Components: 3));
        return Fit("chain", chain, data, dirty: true);
    }

    private static OnnxCase Fit(string name, IEstimator<ITransformer> estimator, DataFrame data, bool dirty)
    {
        var training = data.Take(Range(0, TrainRows));
        var heldOut = data.Take(Range(TrainRows, data.RowCount));
        return new OnnxCase(name, estimator.Fit(training), training, dirty ? Dirty(heldOut) : heldOut);
    }

    private static int[] Range(int from, int to) => [.. Enumerable.Range(from, to - from)];

    /// <summary>The frame with a few rows changed: an unseen category, missing categories, NaN, and extreme numbers.</summary>
    private static DataFrame Dirty(DataFrame frame)
    {
        var result = frame;
        foreach (var column in frame.Features.ToList())
        {
            if (column is CategoricalColumn categorical)
            {
                var values = Enumerable.Range(0, frame.RowCount).Select(categorical.ValueAt).ToArray();
                values[0] = "purple";
                values[1] = null;
                result = result.With(CategoricalColumn.FromValues(column.Name, values));
            }
            else if (column is NumericColumn numeric)
            {
                var values = numeric.ToArray();
                values[2] = float.NaN;
                values[3] = 1e6f;
                values[4] = -1e6f;
                result = result.With(new NumericColumn(column.Name, values));
            }
        }
        return result;
    }

    /// <summary>x1..x3 with negative values too, so the signed log sees both signs.</summary>
    private static DataFrame Shifted(DataFrame frame)
    {
        var x2 = frame.Numeric("x2").ToArray();
        for (var i = 0; i < x2.Length; i++) x2[i] -= 1.5f;
        return frame.With(new NumericColumn("x2", x2));
    }

    /// <summary>Adds categorical "band" (low/mid/high from x3; missing where x2 is).</summary>
    private static DataFrame WithBand(DataFrame frame)
    {
        var x3 = frame.Numeric("x3").Values;
        var x2 = frame.Numeric("x2").Values;
        var band = new string?[frame.RowCount];
        for (var i = 0; i < band.Length; i++) band[i] = float.IsNaN(x2[i]) ? null : x3[i] < 3 ? "low" : x3[i] < 7 ? "mid" : "high";
        return frame.With(CategoricalColumn.FromValues("band", band));
    }
}
