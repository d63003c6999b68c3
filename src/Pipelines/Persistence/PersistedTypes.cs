using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Pipelines.Errors;

namespace Pipelines.Persistence;

/// <summary>
/// The closed set of types a pipeline file may contain: every class marked <see cref="PersistedTypeAttribute"/>
/// in this project's assemblies. It lets System.Text.Json write interface- or abstract-typed members
/// (a chain's steps, a learner's trees) with a "$type" name and read them back.
/// </summary>
public static class PersistedTypes
{
    // Our own assemblies; those not yet loaded are loaded by name so a file written with a learner can be read
    // by a program that has not touched the learner's types yet. These names are ours, never read from a file.
    private static readonly string[] KnownAssemblies =
        ["Pipelines", "Pipelines.Trainers", "Pipelines.Export", "Pipelines.AutoML"];

    private static readonly Lazy<IReadOnlyList<(string Name, Type Type)>> All = new(Discover);

    /// <summary>Every persisted type with its stable name.</summary>
    public static IReadOnlyList<(string Name, Type Type)> Types => All.Value;

    /// <summary>Adds polymorphism metadata to interfaces and abstract classes that persisted types implement.</summary>
    public static void AddPolymorphism(JsonTypeInfo info)
    {
        var baseType = info.Type;
        if (!(baseType.IsInterface || baseType.IsAbstract) || info.Kind != JsonTypeInfoKind.Object) return;
        var derived = Types.Where(t => baseType.IsAssignableFrom(t.Type) && t.Type != baseType).ToList();
        if (derived.Count == 0) return;
        var options = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "$type",
            UnknownDerivedTypeHandling = System.Text.Json.Serialization.JsonUnknownDerivedTypeHandling.FailSerialization,
        };
        foreach (var (name, type) in derived) options.DerivedTypes.Add(new JsonDerivedType(type, name));
        info.PolymorphismOptions = options;
    }

    private static List<(string, Type)> Discover()
    {
        foreach (var name in KnownAssemblies)
        {
            try { Assembly.Load(name); }
            catch (FileNotFoundException) { /* not part of this program: its types simply are not available */ }
        }
        var found = new List<(string, Type)>();
        var seen = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies().Where(a => KnownAssemblies.Contains(a.GetName().Name)))
        {
            foreach (var type in assembly.GetTypes())
            {
                var attribute = type.GetCustomAttribute<PersistedTypeAttribute>();
                if (attribute is null) continue;
                if (seen.TryGetValue(attribute.Name, out var other))
                    throw new ModelFormatException($"Persisted name '{attribute.Name}' is used by both {other} and {type}; names must be unique.");
                seen.Add(attribute.Name, type);
                found.Add((attribute.Name, type));
            }
        }
        found.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return found;
    }
}
