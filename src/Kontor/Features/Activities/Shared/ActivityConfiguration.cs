using Kontor.Features.Activities.Calls;
using Kontor.Features.Activities.Meetings;
using Kontor.Features.Activities.Notes;
using Kontor.Features.Activities.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Features.Activities.Shared;

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> activity)
    {
        // One table for every kind (ADR 0011): the timeline pages over one index instead of a union of four tables.
        activity.ToTable("Activities");
        activity.HasDiscriminator(a => a.Kind)
            .HasValue<TaskItem>(ActivityKind.Task)
            .HasValue<Note>(ActivityKind.Note)
            .HasValue<Call>(ActivityKind.Call)
            .HasValue<Meeting>(ActivityKind.Meeting)
            .HasValue<Visits.Visit>(ActivityKind.Visit);
        activity.Property(a => a.Kind).HasMaxLength(20);
        activity.Property(a => a.TargetType).HasMaxLength(40);
        activity.Property(a => a.Subject).HasMaxLength(ActivityLimits.SubjectLength);
        activity.Property(a => a.Body).HasMaxLength(ActivityLimits.BodyLength);
        activity.Ignore(a => a.Target);

        // The timeline: a record's activities newest first, keyset on (occurred, id).
        activity.HasIndex(a => new { a.TenantId, a.TargetType, a.TargetId, a.OccurredAt, a.Id });
        activity.HasIndex(a => new { a.TenantId, a.DeletedAt });
    }
}

internal sealed class TaskItemConfiguration : IEntityTypeConfiguration<TaskItem>
{
    public void Configure(EntityTypeBuilder<TaskItem> task)
    {
        task.HasOne<Platform.Identity.KontorUser>().WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.Restrict);

        // My tasks: a user's tasks by status and due date.
        task.HasIndex(t => new { t.TenantId, t.AssigneeId, t.Status, t.DueOn });
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> meeting)
    {
        meeting.Property(m => m.Location).HasColumnName(nameof(Meeting.Location)).HasMaxLength(ActivityLimits.LocationLength);
        meeting.Property(m => m.EndsAt).HasColumnName(nameof(Meeting.EndsAt));
        meeting.Ignore(m => m.StartsAt);
        meeting.HasMany(m => m.Attendees).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visits.Visit>
{
    public void Configure(EntityTypeBuilder<Visits.Visit> visit)
    {
        // Same columns as a meeting's end and place: one table, no second column for the same thing.
        visit.Property(v => v.EndsAt).HasColumnName(nameof(Meeting.EndsAt));
        visit.Property(v => v.Location).HasColumnName(nameof(Meeting.Location)).HasMaxLength(ActivityLimits.LocationLength);
        visit.Property(v => v.Summary).HasMaxLength(ActivityLimits.BodyLength);
        visit.Property(v => v.NextSteps).HasMaxLength(ActivityLimits.BodyLength);
        visit.PrimitiveCollection(v => v.OpportunityIds);
        visit.PrimitiveCollection(v => v.ContactIds);
        visit.Ignore(v => v.StartsAt);
        visit.Ignore(v => v.Opportunities);
        visit.HasOne<Platform.Identity.KontorUser>().WithMany().HasForeignKey(v => v.VisitorId).OnDelete(DeleteBehavior.Restrict);

        // "My visits": a visitor's week by start.
        visit.HasIndex(v => new { v.TenantId, v.VisitorId, v.OccurredAt });
    }
}

internal sealed class MeetingAttendeeConfiguration : IEntityTypeConfiguration<MeetingAttendee>
{
    public void Configure(EntityTypeBuilder<MeetingAttendee> attendee)
    {
        attendee.ToTable("MeetingAttendees");
        attendee.HasOne<Platform.Identity.KontorUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        attendee.HasIndex(a => new { a.TenantId, a.MeetingId });
        attendee.HasIndex(a => new { a.TenantId, a.ContactId });
        attendee.HasIndex(a => new { a.TenantId, a.UserId });
    }
}

/// <summary>Lengths of activity texts, shared by the requests, the model and the documentation.</summary>
public static class ActivityLimits
{
    public const int SubjectLength = 200;

    /// <summary>A note's Markdown, a call's notes, a task's or meeting's description.</summary>
    public const int BodyLength = 10_000;

    public const int LocationLength = 200;

    /// <summary>Longest call that can be logged: one day.</summary>
    public const int MaxCallSeconds = 86_400;

    public const int MaxAttendees = 100;
}
