using Pipelines.Data;

namespace Pipelines.AutoML.Student;

/// <summary>
/// Maps rows of the student's features back to raw rows with the training frame's feature columns (same names, kinds,
/// order and category dictionaries; no label), so the teacher, which reads raw rows, can label any student-space row:
/// real training rows and the synthetic rows distillation makes. Numeric values and missing flags come back exactly,
/// one-hot blocks as their category, target-encoded values as the nearest learned category, and columns the student
/// drops as their training value.
/// </summary>
internal sealed class RawRowDecoder(IReadOnlyList<RawColumnRecipe> recipes)
{
    /// <summary>The raw columns, in training order.</summary>
    public IReadOnlyList<RawColumnRecipe> Recipes { get; } = recipes;

    public DataFrame Decode(DataFrame features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return new DataFrame(Recipes.Select(r => r.Decode(features)));
    }
}
