using Pipelines.Data;

namespace Pipelines.Trainers.Distillation;

/// <summary>
/// An extra source of unlabelled rows for distillation (a generative model such as a tabular GAN). The rows need the
/// teacher's feature columns, numeric and without missing values; any label column is ignored (the teacher labels them).
/// </summary>
public interface IRowSource
{
    /// <summary><paramref name="rows"/> new rows, the same for the same <paramref name="seed"/>.</summary>
    DataFrame Sample(int rows, int seed);
}
