namespace Pipelines.AutoML.SearchSpace;

/// <summary>
/// One option of a <see cref="Choice"/>: a value (string or number) and, for a conditional choice, the
/// parameters that exist only when this option is chosen.
/// </summary>
public sealed class ChoiceOption
{
    public ChoiceOption(object value, ParameterSpace? space = null)
    {
        Value = Parameter.Normalize(value, nameof(ChoiceOption));
        Space = space;
    }

    /// <summary>The option's value: a string or a double.</summary>
    public object Value { get; }

    /// <summary>Parameters active only when this option is chosen; null for none.</summary>
    public ParameterSpace? Space { get; }

    public override string ToString() => Value is double d ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : (string)Value;
}
