namespace Kontor.Platform.Agreement;

/// <summary>
/// A works agreement as Kontor enforces it: the purposes employee data may be read for, and per category of
/// employee data who sees individual values, the smallest group a statistic may describe, how long the data is
/// kept and where a reader of individual values may sit. Parsed from YAML by <see cref="AgreementParser"/>; the
/// format is documented in docs/works-agreement.md.
/// </summary>
public sealed record AgreementDocument(
    string Name,
    int? Version,
    IReadOnlyList<AgreementPurpose> Purposes,
    IReadOnlyList<CategoryRule> Categories,
    AgreementRules Rules)
{
    /// <summary>The rule of a category: the document's own, else the strict default's (<see cref="AgreementDefaults"/>).</summary>
    public CategoryRule RuleFor(EmployeeDataCategory category) =>
        Categories.FirstOrDefault(c => c.Category == category.Key) ?? AgreementDefaults.StrictRule(category, [.. Purposes.Select(p => p.Key)]);
}

/// <summary>A reason for reading employee data, e.g. <c>team-steering</c>; readers declare one where the agreement asks.</summary>
public sealed record AgreementPurpose(string Key, string? Description);

/// <summary>What the agreement allows for one category of employee data (<see cref="EmployeeDataCategories"/>).</summary>
public sealed record CategoryRule(
    string Category,
    IReadOnlyList<string> Purposes,
    IReadOnlyList<IndividualReader> Individual,
    int MinGroupSize,
    RetentionPeriod Retention,
    IReadOnlyList<string>? Regions);

/// <summary>Who may see one person's individual values of a category.</summary>
public sealed record IndividualReader(IndividualReaderKind Kind, string? Role = null)
{
    public static IndividualReader Self { get; } = new(IndividualReaderKind.Self);
    public static IndividualReader DirectManager { get; } = new(IndividualReaderKind.DirectManager);

    public override string ToString() => Kind switch
    {
        IndividualReaderKind.Self => "self",
        IndividualReaderKind.DirectManager => "direct-manager",
        IndividualReaderKind.Role => Role!,
        _ => Kind.ToString(),
    };
}

/// <summary>The person, their direct manager, or every holder of a named role.</summary>
public enum IndividualReaderKind
{
    Self,
    DirectManager,
    Role,
}

/// <summary>Rules that hold across categories.</summary>
public sealed record AgreementRules(ManagerVisibility ManagerVisibility, bool RankingsAllowed, bool IndividualAccessNeedsPurpose);

/// <summary>Which managers a <c>direct-manager</c> entry admits.</summary>
public enum ManagerVisibility
{
    /// <summary>No manager sees individual values, whatever a category says.</summary>
    None,

    /// <summary>Only the person's direct manager; second- and higher-level managers see aggregates.</summary>
    DirectReports,

    /// <summary>Every manager above the person.</summary>
    AllLevels,
}

/// <summary>One error of a document, at the line and column (both from 1) it was found.</summary>
public sealed record AgreementProblem(int Line, int Column, string Message)
{
    public override string ToString() => $"{Line}:{Column}: {Message}";
}
