namespace Kontor.Platform.Agreement;

/// <summary>A kind of employee data Kontor stores or computes: how a person works, not what a customer needs.</summary>
/// <param name="Key">The key documents use, e.g. <c>revenue-per-owner</c>.</param>
/// <param name="Title">English title; <see cref="AgreementMessages"/> translates it.</param>
/// <param name="Covers">English description of what Kontor holds under it, for the generated annex.</param>
public sealed record EmployeeDataCategory(string Key, string Title, string Covers);

/// <summary>
/// Every category of employee data Kontor has. A document may only name these; a category a document leaves out
/// runs on the strict default. A feature that reads a new kind of employee data adds its category here first.
/// </summary>
public static class EmployeeDataCategories
{
    public static EmployeeDataCategory RevenuePerOwner { get; } = new(
        "revenue-per-owner", "Revenue per owner", "Closed-won amounts and forecasts (pipeline, best case, commit) summed per opportunity owner.");

    public static EmployeeDataCategory PipelinePerOwner { get; } = new(
        "pipeline-per-owner", "Pipeline per owner", "Open opportunities counted and summed per owner and stage.");

    public static EmployeeDataCategory TargetAttainment { get; } = new(
        "target-attainment", "Target attainment", "Sales targets of a person and the share of them reached.");

    public static EmployeeDataCategory ActivityCounts { get; } = new(
        "activity-counts", "Activity counts", "Calls, meetings, visits, notes and tasks counted per user.");

    public static EmployeeDataCategory LoginHistory { get; } = new(
        "login-history", "Login history", "Sign-ins, failed sign-ins and sign-outs of a user with time and channel.");

    public static EmployeeDataCategory ChangeHistory { get; } = new(
        "change-history", "Change history", "Who created, changed or deleted which record when (audit log and field history).");

    public static EmployeeDataCategory AccessLog { get; } = new(
        "access-log", "Access log", "Who read which person's employee data, when and for which purpose.");

    public static IReadOnlyList<EmployeeDataCategory> All { get; } =
        [RevenuePerOwner, PipelinePerOwner, TargetAttainment, ActivityCounts, LoginHistory, ChangeHistory, AccessLog];

    public static EmployeeDataCategory? Find(string key) => All.FirstOrDefault(c => c.Key == key);
}
