namespace Pipelines.Data;

/// <summary>
/// Which of a year-last date's two leading numbers is the day: <c>31/01/2024</c> is day first, <c>1/31/2024</c> month
/// first. Year-first dates (<c>2024-01-31</c>) have one order and need none.
/// </summary>
public enum DateOrder
{
    /// <summary>Day, month, year: <c>31/01/2024</c>, <c>31.01.2024</c>.</summary>
    DayFirst,

    /// <summary>Month, day, year: <c>1/31/2024</c>, <c>01-31-2024 1:05 PM</c>.</summary>
    MonthFirst,
}
