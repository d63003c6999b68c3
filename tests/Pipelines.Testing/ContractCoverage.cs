using System.Reflection;
using Pipelines.Core;

namespace Pipelines.Tests.Contract;

/// <summary>
/// Which estimators need a contract case, and where: every public, non-abstract class of a src assembly that implements
/// <see cref="IEstimator{TTransformer}"/> must be what some case's factory creates, in the test project that
/// <see cref="Owners"/> names for its assembly. Each test project runs in its own host and sees only its own cases
/// (<see cref="ContractCases"/>), so each project's <see cref="ContractSuite"/> checks the assemblies it owns.
/// </summary>
public static class ContractCoverage
{
    /// <summary>The test project whose contract cases cover each src assembly's estimators, by assembly name.</summary>
    public static IReadOnlyDictionary<string, string> Owners { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Pipelines"] = "Pipelines.Tests",
        ["Pipelines.Trainers"] = "Trainers.Tests",
        ["Pipelines.MLNet"] = "MLNet.Tests",
        ["Pipelines.AutoML"] = "AutoML.Tests",
    };

    /// <summary>The src assemblies <paramref name="tests"/> uses, directly or through one another, by name.</summary>
    public static IReadOnlyList<Assembly> SourceAssemblies(Assembly tests)
    {
        ArgumentNullException.ThrowIfNull(tests);
        var found = new SortedDictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([tests]);
        while (pending.TryPop(out var assembly))
        {
            foreach (var name in assembly.GetReferencedAssemblies().Where(IsSource))
            {
                if (found.ContainsKey(name.Name!)) continue;
                var loaded = Assembly.Load(name);
                found[name.Name!] = loaded;
                pending.Push(loaded);
            }
        }
        return [.. found.Values];
    }

    /// <summary>The public, non-abstract classes of <paramref name="assembly"/> that implement <see cref="IEstimator{TTransformer}"/>.</summary>
    public static IEnumerable<Type> PublicEstimators(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetTypes().Where(t => t is { IsVisible: true, IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(IsEstimator));
    }

    /// <summary>The estimator types the cases' factories create (a generic one as its definition).</summary>
    public static IReadOnlySet<Type> CreatedTypes(IEnumerable<ContractCase> cases) =>
        cases.Select(c => Definition(c.Create().GetType())).ToHashSet();

    private static bool IsEstimator(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEstimator<>);

    private static Type Definition(Type type) => type.IsGenericType ? type.GetGenericTypeDefinition() : type;

    /// <summary>The core library (where IEstimator lives) and the src assemblies named after it; test projects are not.</summary>
    private static bool IsSource(AssemblyName name)
    {
        var core = typeof(IEstimator<>).Assembly.GetName().Name!;
        return name.Name is { } n
            && (n == core || n.StartsWith(core + ".", StringComparison.Ordinal))
            && !n.EndsWith(".Tests", StringComparison.Ordinal)
            && n != typeof(ContractCase).Assembly.GetName().Name;
    }
}
