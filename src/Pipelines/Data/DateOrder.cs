namespace Pipelines.Data;

/// <summary>
/// The order of a date's three numbers where the writing does not tell it: <c>31/01/2024</c> is day first,
/// <c>1/31/2024</c> month first, and <c>24/01/31</c>, with a two-digit year, may be year first (as Japanese or Swedish
/// short dates are written). Dates with a four-digit year first (<c>2024-01-31</c>) have one order and need none.
/// </summary>
public enum DateOrder
{
    /// <summary>Day, month, year: <c>31/01/2024</c>, <c>31.01.2024</c>, <c>31.01.24</c>.</summary>
    DayFirst,

    /// <summary>Month, day, year: <c>1/31/2024</c>, <c>01-31-2024 1:05 PM</c>, <c>1/31/24</c>.</summary>
    MonthFirst,

    /// <summary>Year of two digits, month, day: <c>24/01/31</c>, <c>24-01-31 13:05</c>.</summary>
    YearFirst,
}
