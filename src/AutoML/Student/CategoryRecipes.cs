using Pipelines.Data;

namespace Pipelines.AutoML.Student;

/// <summary>
/// A one-hot encoded categorical column: each row gets the category of its largest block value (ties to the first),
/// so noisy or mixed blocks from augmentation still name one category.
/// </summary>
internal sealed class OneHotRecipe(string name, IReadOnlyList<string> outputs, string[] categories, int[] codes, string? indicator)
    : RawColumnRecipe(name, indicator)
{
    public override Column Decode(DataFrame features)
    {
        var block = outputs.Select(o => features.Numeric(o).ToArray()).ToArray();
        return Categorical(features, categories, r =>
        {
            var best = 0;
            for (var j = 1; j < block.Length; j++) if (block[j][r] > block[best][r]) best = j;
            return codes[best];
        });
    }
}

/// <summary>
/// A column encoded by a lookup (target encoding): each row gets the learned category whose encoded values are nearest
/// (squared distance, ties to the first). Exact on encoded training rows unless two categories share their values.
/// </summary>
/// <param name="name">The raw column.</param>
/// <param name="outputs">Its encoded feature columns.</param>
/// <param name="values">Row-major [learned category, output] encoded values.</param>
/// <param name="categories">The training column's category dictionary.</param>
/// <param name="codes">Per learned category, its code in <paramref name="categories"/>.</param>
/// <param name="indicator">Its missing-indicator feature, if any.</param>
internal sealed class LookupRecipe(string name, IReadOnlyList<string> outputs, float[] values, string[] categories, int[] codes, string? indicator)
    : RawColumnRecipe(name, indicator)
{
    public override Column Decode(DataFrame features)
    {
        var k = outputs.Count;
        var encoded = outputs.Select(o => features.Numeric(o).ToArray()).ToArray();
        return Categorical(features, categories, r =>
        {
            if (codes.Length == 0) return CategoricalColumn.Missing;
            var best = 0;
            var bestDistance = double.PositiveInfinity;
            for (var c = 0; c < codes.Length; c++)
            {
                double distance = 0;
                for (var j = 0; j < k; j++)
                {
                    var d = encoded[j][r] - values[c * k + j];
                    distance += d * d;
                }
                if (distance < bestDistance)
                {
                    best = c;
                    bestDistance = distance;
                }
            }
            return codes[best];
        });
    }
}
