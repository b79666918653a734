using Kontor.Features.Activities.Shared;
using Kontor.Platform.Records;
using Microsoft.AspNetCore.Identity;

namespace Kontor.Features.Activities.Visits;

/// <summary>Where a visit stands: planned, reported (done) or called off.</summary>
public enum VisitStatus
{
    Planned,
    Done,
    Cancelled,
}

/// <summary>How a visit went, as the field rep judges it.</summary>
public enum VisitOutcome
{
    Positive,
    Neutral,
    Negative,
}

/// <summary>The values of a planned visit after validation.</summary>
public sealed record VisitFields(
    string Subject, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Location, string? Purpose, Guid VisitorId, IReadOnlyList<Guid> OpportunityIds);

/// <summary>The values of a visit report after validation.</summary>
public sealed record VisitReportFields(VisitOutcome Outcome, string Summary, string? NextSteps, IReadOnlyList<Guid> ContactIds);

/// <summary>A field-sales visit at a customer's site: planned on the calendar, then reported (outcome, summary, next steps, contacts met).</summary>
public sealed class Visit : Activity
{
    /// <summary>The record type of the opportunities a visit links to.</summary>
    public const string OpportunityType = "opportunity";

    private Visit() => Kind = ActivityKind.Visit; // For EF Core.

    public Visit(RecordRef target, VisitFields fields)
        : this()
    {
        AttachTo(target);
        Plan(fields);
    }

    /// <summary>Always after <see cref="Activity.OccurredAt"/>, the start.</summary>
    public DateTimeOffset? EndsAt { get; private set; }

    [PersonalData]
    public string? Location { get; private set; }

    /// <summary>The field rep who visits; "My visits" and the calendar feed are theirs.</summary>
    public Guid VisitorId { get; private set; }

    public VisitStatus VisitStatus { get; private set; }

    public VisitOutcome? VisitOutcome { get; private set; }

    /// <summary>What was discussed; the planned purpose stays in <see cref="Activity.Body"/>.</summary>
    [PersonalData]
    public string? Summary { get; private set; }

    [PersonalData]
    public string? NextSteps { get; private set; }

    public DateTimeOffset? ReportedAt { get; private set; }

    /// <summary>Opportunities the visit is about (ids of <see cref="OpportunityType"/> records).</summary>
    public List<Guid> OpportunityIds { get; private set; } = [];

    /// <summary>Contacts met at the visit.</summary>
    public List<Guid> ContactIds { get; private set; } = [];

    public DateTimeOffset StartsAt => OccurredAt;

    /// <summary>The linked opportunities as record references.</summary>
    public IEnumerable<RecordRef> Opportunities => OpportunityIds.Select(id => new RecordRef(OpportunityType, id));

    public void Plan(VisitFields fields)
    {
        Subject = fields.Subject;
        OccurredAt = fields.StartsAt;
        EndsAt = fields.EndsAt;
        Location = fields.Location;
        Body = fields.Purpose;
        VisitorId = fields.VisitorId;
        OpportunityIds = [.. fields.OpportunityIds];
    }

    public void Report(VisitReportFields report, DateTimeOffset now)
    {
        VisitOutcome = report.Outcome;
        Summary = report.Summary;
        NextSteps = report.NextSteps;
        ContactIds = [.. report.ContactIds];
        VisitStatus = VisitStatus.Done;
        ReportedAt ??= now;
    }

    public void Cancel() => VisitStatus = VisitStatus.Cancelled;
}
