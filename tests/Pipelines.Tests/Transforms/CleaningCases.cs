using Pipelines.Data;
using Pipelines.Tests.Contract;
using Pipelines.Transforms.Cleaning;

namespace Pipelines.Tests.Transforms;

public sealed class CleaningCases : IContractCaseSource
{
    private static readonly Capabilities RowStep = new() { ChangesRows = true, ReadsColumns = false };

    public IEnumerable<ContractCase> Cases =>
    [
        new("ClipOutliers", () => new ClipOutliers()),
        new("ClipOutliers(quantile,x2)", () => new ClipOutliers(ClipMethod.Quantile, LowerQuantile: 0.05, UpperQuantile: 0.9, Columns: ["x2"])),
        new("DropConstantColumns", () => new DropConstantColumns(), new Capabilities { ReadsColumns = false }),
        new("DropConstantColumns(constant data)", () => new DropConstantColumns(), Data: ContractData.WithConstant),
        new("DropConstantColumns(0.9, constant data)", () => new DropConstantColumns(0.9), Data: ContractData.WithConstant),
        new("DropColumns(note, x3)", () => new DropColumns("note", "x3")),
        new("ImputeMissing", () => new ImputeMissing()),
        new("ImputeMissing(median, indicators)", () => new ImputeMissing(NumericImputation.Median, AddIndicators: true)),
        new("ImputeMissing(most frequent, constant category, indicators)",
            () => new ImputeMissing(NumericImputation.MostFrequent, CategoricalImputation.Constant, AddIndicators: true)),
        new("ImputeMissing(constant, x1 and color)",
            () => new ImputeMissing(NumericImputation.Constant, NumericFill: -1, Columns: ["x1", "color"])),
        new("ImputeMissing(indicators, data with missing)", () => new ImputeMissing(AddIndicators: true), Data: ContractData.WithMissing),
        new("DropDuplicateRows", () => new DropDuplicateRows(), RowStep),
        new("DropDuplicateRows(with duplicates)", () => new DropDuplicateRows(), RowStep, WithDuplicates),
        new("DropDuplicateRows(features only)", () => new DropDuplicateRows(FeaturesOnly: true), RowStep, WithDuplicates),
    ];

    /// <summary>The standard frame with its first eight rows repeated at the end.</summary>
    private static DataFrame WithDuplicates()
    {
        var data = ContractData.Standard();
        return data.AppendRows(data.Head(8));
    }
}
