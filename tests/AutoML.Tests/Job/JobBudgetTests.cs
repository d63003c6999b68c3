using Pipelines.AutoML.Job;

namespace Pipelines.AutoML.Tests.Job;

/// <summary>The job's time plan: the steps after the search are kept back from the search, so the whole job fits the budget.</summary>
[TestClass]
public sealed class JobBudgetTests
{
    [TestMethod]
    public void The_search_gets_the_budget_less_the_time_spent_and_every_step_after_it()
    {
        var budget = JobBudget.Plan(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(2), rows: 5000, searchRows: 3750, student: true);
        Assert.AreEqual(60, (budget.Spent + budget.Search + budget.AfterSearch).TotalSeconds, 1e-6);
        Assert.AreEqual(budget.Outputs + budget.Student + budget.Importance + budget.Margin, budget.AfterSearch);
        foreach (var step in new[] { budget.Outputs, budget.Student, budget.Importance, budget.Margin })
            Assert.IsGreaterThan(TimeSpan.Zero, step);
        Assert.IsLessThan(58, budget.Search.TotalSeconds);
        Assert.AreEqual(5000 / 3750.0, budget.RefitAfterRun, 1e-12, "the search keeps back the refit on every row after the holdout");
    }

    [TestMethod]
    public void Without_a_holdout_or_a_student_nothing_is_kept_for_them()
    {
        var with = JobBudget.Plan(TimeSpan.FromSeconds(60), TimeSpan.Zero, rows: 900, searchRows: 900, student: true);
        var without = JobBudget.Plan(TimeSpan.FromSeconds(60), TimeSpan.Zero, rows: 900, searchRows: 900, student: false);
        Assert.AreEqual(0, with.RefitAfterRun);
        Assert.AreEqual(TimeSpan.Zero, without.Student);
        Assert.AreEqual(with.Search + with.Student, without.Search);
    }

    [TestMethod]
    public void The_student_is_planned_by_its_rows_up_to_a_share_of_the_budget()
    {
        var small = JobBudget.Plan(TimeSpan.FromSeconds(120), TimeSpan.Zero, rows: 500, searchRows: 500, student: true);
        var large = JobBudget.Plan(TimeSpan.FromSeconds(120), TimeSpan.Zero, rows: 500_000, searchRows: 375_000, student: true);
        Assert.IsLessThan(large.Student, small.Student);
        Assert.AreEqual(JobBudget.StudentShare * 120, large.Student.TotalSeconds, 1e-9);
    }

    [TestMethod]
    public void A_short_budget_shrinks_the_student_and_importance_so_the_search_keeps_most_of_it()
    {
        var roomy = JobBudget.Plan(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1), rows: 50_000, searchRows: 37_500, student: true);
        var budget = JobBudget.Plan(TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(1), rows: 50_000, searchRows: 37_500, student: true);
        Assert.AreEqual(JobBudget.MaxAfterSearchShare * 7, budget.AfterSearch.TotalSeconds, 1e-6);
        Assert.AreEqual(8, (budget.Spent + budget.Search + budget.AfterSearch).TotalSeconds, 1e-6);
        Assert.AreEqual(roomy.Student / roomy.Importance, budget.Student / budget.Importance, 1e-6, "both shrink alike");
    }

    [TestMethod]
    public void After_the_search_the_student_and_importance_get_what_is_left()
    {
        var budget = JobBudget.Plan(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1), rows: 5000, searchRows: 5000, student: true);
        var early = budget.StudentLimit(TimeSpan.FromSeconds(40));
        var late = budget.StudentLimit(TimeSpan.FromSeconds(50));
        Assert.AreEqual(10, (early - late).TotalSeconds, 1e-6, "time the search left unused goes to the student");
        Assert.IsLessThan(budget.ImportanceLimit(TimeSpan.FromSeconds(50)), late, "the student leaves the importance its share");
        Assert.AreEqual(2 * budget.Importance, budget.ImportanceLimit(TimeSpan.FromSeconds(5)), "at most twice its plan");
        Assert.AreEqual(budget.ImportanceLimit(TimeSpan.FromSeconds(58)), budget.StudentLimit(TimeSpan.FromSeconds(58)) + budget.Importance);
        Assert.IsLessThan(TimeSpan.Zero, budget.StudentLimit(TimeSpan.FromSeconds(60)), "a search that ran over leaves nothing");
    }
}
