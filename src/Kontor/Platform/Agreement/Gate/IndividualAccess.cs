namespace Kontor.Platform.Agreement.Gate;

/// <summary>Who reads: the user, their roles and the region an administrator recorded for them (null when none).</summary>
public sealed record GateReader(Guid Id, IReadOnlyCollection<string> Roles, string? Region);

/// <summary>Whose data is read: the person and their managers, the direct manager first.</summary>
public sealed record GateSubject(Guid Id, IReadOnlyList<Guid> Managers);

/// <summary>What the gate answers to a request for one person's individual values.</summary>
public enum IndividualOutcome
{
    /// <summary>The reader may see the values; unless they are the reader's own, the access is logged.</summary>
    Allowed,

    /// <summary>The reader could see them, but must first declare one of <see cref="IndividualDecision.Purposes"/>.</summary>
    PurposeRequired,

    /// <summary>The reader gets aggregates at most; <see cref="IndividualDecision.Reason"/> says why.</summary>
    Refused,
}

/// <summary>Why the gate refused individual values.</summary>
public enum RefusalReason
{
    None,

    /// <summary>The agreement names no reader kind that fits this reader for this category.</summary>
    NotAReader,

    /// <summary>The reader is a manager above the direct one, and the agreement admits direct managers only.</summary>
    ManagerLevel,

    /// <summary>The reader sits in a region the category does not allow for individual values.</summary>
    Region,

    /// <summary>The declared purpose is not one the category may be read for.</summary>
    Purpose,

    /// <summary>The values describe a time that ended longer ago than the category's retention period.</summary>
    Retention,
}

/// <summary>The gate's answer for one subject; <see cref="Purposes"/> lists what a reader may declare when a purpose is needed or wrong.</summary>
public sealed record IndividualDecision(IndividualOutcome Outcome, RefusalReason Reason, IReadOnlyList<string> Purposes)
{
    public bool IsAllowed => Outcome == IndividualOutcome.Allowed;

    /// <summary>True when the reader reads their own values: allowed without purpose and not logged.</summary>
    public bool IsSelf { get; init; }
}

/// <summary>
/// The rule for individual values, as a pure function of the agreement, the category, the reader, the subject and
/// the declared purpose. Order matters and is part of the contract: the person themselves first (no purpose, no
/// region check: one's own data is never withheld where the agreement lists <c>self</c>), then the retention period
/// (values describing a time that ended before it are nobody else's to see), then the kind of reader, then the
/// region, then the purpose.
/// </summary>
public static class IndividualAccess
{
    /// <param name="agreement">The agreement in force (or the strict default).</param>
    /// <param name="category">The category of the values.</param>
    /// <param name="reader">Who reads.</param>
    /// <param name="subject">Whose values.</param>
    /// <param name="purpose">The declared purpose, if any.</param>
    /// <param name="expired">Whether the values describe a time that ended before the category's retention period.</param>
    public static IndividualDecision Decide(
        AgreementDocument agreement, EmployeeDataCategory category, GateReader reader, GateSubject subject, string? purpose, bool expired = false)
    {
        var rule = agreement.RuleFor(category);
        if (reader.Id == subject.Id && rule.Individual.Contains(IndividualReader.Self))
        {
            return new IndividualDecision(IndividualOutcome.Allowed, RefusalReason.None, rule.Purposes) { IsSelf = true };
        }

        if (expired)
        {
            return Refuse(RefusalReason.Retention, rule);
        }

        var reason = ReaderReason(agreement.Rules.ManagerVisibility, rule, reader, subject);
        if (reason != RefusalReason.None)
        {
            return Refuse(reason, rule);
        }

        if (rule.Regions is { } regions && (reader.Region is null || !regions.Contains(reader.Region)))
        {
            return Refuse(RefusalReason.Region, rule);
        }

        if (purpose is null)
        {
            return agreement.Rules.IndividualAccessNeedsPurpose
                ? new IndividualDecision(IndividualOutcome.PurposeRequired, RefusalReason.None, rule.Purposes)
                : new IndividualDecision(IndividualOutcome.Allowed, RefusalReason.None, rule.Purposes);
        }

        return rule.Purposes.Contains(purpose)
            ? new IndividualDecision(IndividualOutcome.Allowed, RefusalReason.None, rule.Purposes)
            : Refuse(RefusalReason.Purpose, rule);
    }

    private static RefusalReason ReaderReason(ManagerVisibility visibility, CategoryRule rule, GateReader reader, GateSubject subject)
    {
        if (rule.Individual.Any(r => r.Kind == IndividualReaderKind.Role && reader.Roles.Contains(r.Role!)))
        {
            return RefusalReason.None;
        }

        var level = subject.Managers.ToList().IndexOf(reader.Id);
        if (level < 0 || !rule.Individual.Contains(IndividualReader.DirectManager) || visibility == ManagerVisibility.None)
        {
            return RefusalReason.NotAReader;
        }

        return level == 0 || visibility == ManagerVisibility.AllLevels ? RefusalReason.None : RefusalReason.ManagerLevel;
    }

    private static IndividualDecision Refuse(RefusalReason reason, CategoryRule rule) => new(IndividualOutcome.Refused, reason, rule.Purposes);
}
