namespace Pipelines.Sampling;

/// <summary>Whether a resampler adds rows to classes or removes rows from them; fixes what "auto" and a ratio mean.</summary>
public enum SamplingDirection
{
    /// <summary>Classes only grow (random over-sampling, SMOTE, kernel density).</summary>
    Over,
    /// <summary>Classes only shrink (random under-sampling).</summary>
    Under,
}
