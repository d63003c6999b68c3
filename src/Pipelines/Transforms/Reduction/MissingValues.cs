using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.Transforms.Reduction;

/// <summary>The NaN refusal shared by steps whose arithmetic cannot use missing values.</summary>
internal static class MissingValues
{
    /// <summary>Throws <see cref="DataValueException"/> (pointing at ImputeMissing) at the first NaN in the named numeric columns.</summary>
    public static void Refuse(string step, DataFrame frame, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            var values = frame.Numeric(name).Values;
            for (var row = 0; row < values.Length; row++)
            {
                if (float.IsNaN(values[row])) ThrowHelper.MissingValues(step, name, row);
            }
        }
    }
}
