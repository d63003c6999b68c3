namespace Pipelines.Persistence;

/// <summary>
/// Marks a type that may be written to and read from a pipeline file, under a stable name.
/// Loading only ever creates types that carry this attribute, found by that name, never by a CLR type
/// name read from the file. Change the name (for example "zscore.v2") when the stored shape changes
/// in a way old files cannot follow.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PersistedTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
