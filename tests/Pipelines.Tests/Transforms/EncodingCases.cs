using Pipelines.Data;
using Pipelines.Tests.Contract;
using Pipelines.Transforms.Encoding;

namespace Pipelines.Tests.Transforms;

public sealed class EncodingCases : IContractCaseSource
{
    // Folds need at least as many rows as folds, so target encoding refuses a single row.
    private static readonly Capabilities NeedsRows = new() { AcceptsOneRow = false };

    public IEnumerable<ContractCase> Cases =>
    [
        new("OneHotEncode", () => new OneHotEncode()),
        new("OneHotEncode(rare,other,missing)", () => new OneHotEncode(MinFrequency: 0.2, Unseen: OneHotUnseen.Other, Missing: OneHotMissing.OwnColumn)),
        new("OneHotEncode(max 2,drop binary)", () => new OneHotEncode(MaxCategories: 2, DropIfBinary: true)),
        new("OrdinalEncode", () => new OrdinalEncode()),
        new("OrdinalEncode(frequency,NaN)", () => new OrdinalEncode(OrdinalOrder.Frequency, float.NaN, ["color"])),
        new("FrequencyEncode", () => new FrequencyEncode()),
        new("FrequencyEncode(missing as category)", () => new FrequencyEncode(MissingAsCategory: true)),
        new("TargetEncode(binary)", () => new TargetEncode(Seed: 7), NeedsRows),
        new("TargetEncode(regression)", () => new TargetEncode(Smoothing: 2, Seed: 7), NeedsRows, ContractData.Regression),
        new("TargetEncode(multiclass)", () => new TargetEncode(Folds: 3, Seed: 7), NeedsRows, Multiclass),
    ];

    /// <summary>The standard data with a three-class label 'k' (from x3) instead of 'y'.</summary>
    private static DataFrame Multiclass()
    {
        var data = ContractData.Standard();
        var x3 = data.Numeric("x3").Values;
        var k = new string?[data.RowCount];
        for (var i = 0; i < k.Length; i++) k[i] = x3[i] < 3 ? "low" : x3[i] < 7 ? "mid" : "high";
        return data.WithLabel(null).Without("y").With(CategoricalColumn.FromValues("k", k)).WithLabel("k");
    }
}
