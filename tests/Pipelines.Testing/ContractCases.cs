using System.Reflection;

namespace Pipelines.Tests.Contract;

/// <summary>
/// Every case from every <see cref="IContractCaseSource"/> in the loaded test assemblies, found by reflection. Each test
/// project runs in its own test host, so a project's suite sees its own cases.
/// </summary>
public static class ContractCases
{
    private static readonly Lazy<IReadOnlyDictionary<string, ContractCase>> ByName = new(() =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && a.GetName().Name?.EndsWith(".Tests", StringComparison.Ordinal) == true)
            .SelectMany(a => a.GetTypes())
            .Where(t => typeof(IContractCaseSource).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => ((IContractCaseSource)Activator.CreateInstance(t)!).Cases)
            .ToDictionary(c => c.Name, StringComparer.Ordinal));

    public static IReadOnlyCollection<ContractCase> All => (IReadOnlyCollection<ContractCase>)ByName.Value.Values;

    public static ContractCase Get(string name) => ByName.Value[name];

    /// <summary>Case names as MSTest dynamic data rows.</summary>
    public static IEnumerable<object[]> Names => ByName.Value.Keys.Order(StringComparer.Ordinal).Select(n => new object[] { n });
}
