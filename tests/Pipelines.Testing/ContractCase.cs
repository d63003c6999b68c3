using Pipelines.Core;
using Pipelines.Data;

namespace Pipelines.Tests.Contract;

/// <summary>What a component declares about itself; the contract suite picks its checks from this.</summary>
public sealed record Capabilities
{
    /// <summary>Fits and transforms data with NaN / missing categories; otherwise must refuse it with a DataValueException.</summary>
    public bool AcceptsMissing { get; init; } = true;
    /// <summary>Fits on a single row; otherwise must refuse it with a PipelineException.</summary>
    public bool AcceptsOneRow { get; init; } = true;
    /// <summary>Changes rows while fitting (samplers, duplicate removal) and passes data through at Transform.</summary>
    public bool ChangesRows { get; init; }
    /// <summary>The fitted step reads at least one column of the standard data, so removing it must be a SchemaException.</summary>
    public bool ReadsColumns { get; init; } = true;
    /// <summary>Transforming one row gives the same as that row of transforming all rows.</summary>
    public bool RowIndependent { get; init; } = true;
}

/// <summary>One component under the contract: a factory for the estimator (with a fixed seed) and its capabilities.</summary>
/// <param name="Data">The frame to check it on; null means <see cref="ContractData.Standard"/>.</param>
public sealed record ContractCase(
    string Name,
    Func<IEstimator<ITransformer>> Create,
    Capabilities? Capabilities = null,
    Func<DataFrame>? Data = null)
{
    public Capabilities Caps => Capabilities ?? new Capabilities();
    public DataFrame StandardData() => Data?.Invoke() ?? ContractData.Standard();
}

/// <summary>Implemented by one class per area (normalization, encoding, ...) to put its components under the contract.</summary>
public interface IContractCaseSource
{
    IEnumerable<ContractCase> Cases { get; }
}
