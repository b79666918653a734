using Kontor.Features.Activities.Shared;
using Kontor.Features.Activities.Tasks;
using Kontor.Features.Customers;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Kontor.Platform.Validation;
using Kontor.Resources;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Activities.Visits;

/// <summary>Body of <c>POST /api/activities/visits</c>: a planned visit to an account; also the plan form.</summary>
public sealed class PlanVisitRequest : ActivityRequest
{
    [Mandatory, MaxChars(ActivityLimits.SubjectLength)]
    public string Subject { get; set; } = "";

    [Mandatory]
    public DateTimeOffset? StartsAt { get; set; }

    /// <summary>After <see cref="StartsAt"/>.</summary>
    [Mandatory]
    public DateTimeOffset? EndsAt { get; set; }

    [MaxChars(ActivityLimits.LocationLength)]
    public string? Location { get; set; }

    /// <summary>What the visit is for.</summary>
    [MaxChars(ActivityLimits.BodyLength)]
    public string? Purpose { get; set; }

    /// <summary>The field rep who visits; the caller when left out.</summary>
    public Guid? VisitorId { get; set; }

    /// <summary>Opportunities the visit is about; each one the caller can see.</summary>
    public List<Guid> OpportunityIds { get; set => field = value ?? []; } = [];

    internal async Task<VisitFields> ResolveAsync(KontorDb db, RecordTargets targets, CurrentUser user, CancellationToken ct)
    {
        var errors = Validate(stored: null);
        if (StartsAt is { } start && EndsAt is { } end && end <= start)
        {
            Add(errors, "endsAt", "The visit must end after it starts.");
        }

        var visitor = VisitorId ?? user.Id;
        if (visitor != user.Id && !await db.Users.AnyAsync(u => u.Id == visitor && u.IsActive, ct))
        {
            Add(errors, "visitorId", ValidationMessages.UnknownUser);
        }

        var opportunities = OpportunityIds.Distinct().ToList();
        if (opportunities.Count > 0
            && (targets.Find(Visit.OpportunityType) is not { } target || (await target.LabelsAsync(db, opportunities, ct)).Count != opportunities.Count))
        {
            Add(errors, "opportunityIds", "There is no opportunity with this id, or you cannot see it.");
        }

        ThrowIfAny(errors);
        return new VisitFields(
            Subject.Trim(), StartsAt!.Value.ToUniversalTime(), EndsAt!.Value.ToUniversalTime(), Normalize.Text(Location), Normalize.Text(Purpose), visitor, opportunities);
    }
}

/// <summary>A follow-up task written with a visit report.</summary>
public sealed class FollowUpTaskRequest
{
    [Mandatory, MaxChars(ActivityLimits.SubjectLength)]
    public string Subject { get; set; } = "";

    public DateOnly? DueOn { get; set; }

    /// <summary>An active user of the tenant; the caller when left out.</summary>
    public Guid? AssigneeId { get; set; }
}

/// <summary>Body of <c>POST /api/activities/visits/{id}/report</c>; also the phone report form.</summary>
public sealed class ReportVisitRequest
{
    [Mandatory]
    public VisitOutcome? Outcome { get; set; }

    [Mandatory, MaxChars(ActivityLimits.BodyLength)]
    public string Summary { get; set; } = "";

    [MaxChars(ActivityLimits.BodyLength)]
    public string? NextSteps { get; set; }

    /// <summary>Contacts met; each a contact the caller can see.</summary>
    public List<Guid> ContactIds { get; set => field = value ?? []; } = [];

    /// <summary>Tasks to create on the visited record, in the same transaction as the report.</summary>
    public List<FollowUpTaskRequest> FollowUps { get; set => field = value ?? []; } = [];

    internal async Task<(VisitReportFields Report, List<TaskFields> FollowUps)> ResolveAsync(KontorDb db, RecordTargets targets, CurrentUser user, CancellationToken ct)
    {
        var errors = RequestValidator.Validate(this);
        var contacts = ContactIds.Distinct().ToList();
        if (contacts.Count > 0
            && (targets.Find(CustomerObjects.Contacts.Key) is not { } contactTarget || (await contactTarget.LabelsAsync(db, contacts, ct)).Count != contacts.Count))
        {
            ActivityRequest.Add(errors, "contactIds", "There is no contact with this id, or you cannot see it.");
        }

        if (FollowUps.Count > 20)
        {
            ActivityRequest.Add(errors, "followUps", "Add at most 20 follow-up tasks.");
        }

        var tasks = new List<TaskFields>();
        for (var i = 0; i < FollowUps.Count && i < 20; i++)
        {
            var followUp = FollowUps[i] ?? new FollowUpTaskRequest();
            foreach (var (field, messages) in RequestValidator.Validate(followUp))
            {
                errors[$"followUps[{i}].{field}"] = messages;
            }

            var assignee = followUp.AssigneeId ?? user.Id;
            if (assignee != user.Id && !await db.Users.AnyAsync(u => u.Id == assignee && u.IsActive, ct))
            {
                errors[$"followUps[{i}].assigneeId"] = [ValidationMessages.UnknownUser];
            }

            tasks.Add(new TaskFields(followUp.Subject.Trim(), null, followUp.DueOn, assignee, TaskPriority.Normal, TaskItemStatus.Open));
        }

        ActivityRequest.ThrowIfAny(errors);
        return (new VisitReportFields(Outcome!.Value, Summary.Trim(), Normalize.Text(NextSteps), contacts), tasks);
    }
}

/// <summary>A visit as "My visits", the calendar feed and the report form read it.</summary>
public sealed record VisitResponse(
    Guid Id,
    string TargetType,
    Guid TargetId,
    string? TargetName,
    string? Subject,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    string? Location,
    string? Purpose,
    Guid VisitorId,
    VisitStatus Status,
    VisitOutcome? Outcome,
    string? Summary,
    string? NextSteps,
    DateTimeOffset? ReportedAt,
    IReadOnlyList<RecordRef> Opportunities,
    IReadOnlyList<Guid> ContactIds)
{
    internal static async Task<IReadOnlyList<VisitResponse>> DescribeAsync(ActivityAccess access, IReadOnlyList<Visit> visits, CancellationToken ct)
    {
        var labels = await access.Targets.LabelsAsync(access.Db, visits.Select(v => v.Target), ct);
        return [.. visits.Select(v => new VisitResponse(
            v.Id, v.TargetType, v.TargetId, labels.TryGetValue(v.Target, out var label) ? label.Name : null, v.Subject, v.StartsAt, v.EndsAt, v.Location, v.Body,
            v.VisitorId, v.VisitStatus, v.VisitOutcome, v.Summary, v.NextSteps, v.ReportedAt, [.. v.Opportunities], [.. v.ContactIds]))];
    }
}
