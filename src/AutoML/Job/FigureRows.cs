namespace Pipelines.AutoML.Job;

/// <summary>Where the rows of a <see cref="ModelFigure"/> come from.</summary>
public enum FigureRows
{
    /// <summary>Out of fold: each row of the search's data scored by the search's models that did not see it.</summary>
    OutOfFold,

    /// <summary>Rows held out of the search, scored by the final model fitted on the other rows.</summary>
    HeldOut,

    /// <summary>The user's test file, scored by the shipped model (fitted on every row of the data).</summary>
    TestFile,
}
