using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Privacy.Requests;

/// <summary>A data-subject request as the API and the pages show it; the subject's name is looked up, never stored.</summary>
public sealed record DataSubjectRequestResponse(
    Guid Id,
    string SubjectType,
    Guid SubjectId,
    string? SubjectName,
    DataSubjectRequestKind Kind,
    DataSubjectRequestChannel Channel,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    bool Overdue,
    int ExtensionMonths,
    string? ExtensionReason,
    DataSubjectRequestStatus Status,
    string? RefusalReason,
    Guid? RecordedBy,
    DateTimeOffset RecordedAt,
    Guid? HandledBy,
    string? HandledByName,
    DateTimeOffset? CompletedAt)
{
    public static async Task<IReadOnlyList<DataSubjectRequestResponse>> DescribeAsync(KontorDb db, IReadOnlyList<DataSubjectRequest> requests, DateTimeOffset now, CancellationToken ct)
    {
        var names = await DataSubjects.NamesAsync(db, requests.Select(r => r.Subject), ct);
        var handlers = await UserNames.LoadAsync(db, requests.Where(r => r.HandledBy is not null).Select(r => r.HandledBy!.Value), ct);
        return [.. requests.Select(r => new DataSubjectRequestResponse(
            r.Id, r.SubjectType, r.SubjectId, names.GetValueOrDefault(r.Subject), r.Kind, r.Channel, r.ReceivedAt, r.DueAt, r.IsOverdue(now),
            r.ExtensionMonths, r.ExtensionReason, r.Status, r.RefusalReason, r.RecordedBy, r.RecordedAt, r.HandledBy,
            r.HandledBy is { } h ? handlers.GetValueOrDefault(h) : null, r.CompletedAt))];
    }

    public static async Task<DataSubjectRequestResponse?> LoadAsync(KontorDb db, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        var request = await db.Set<DataSubjectRequest>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        return request is null ? null : (await DescribeAsync(db, [request], now, ct))[0];
    }
}
