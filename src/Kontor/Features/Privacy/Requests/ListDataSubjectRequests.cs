using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Privacy.Requests;

/// <summary>Query of <c>GET /api/privacy/requests</c>; also the state of the requests page.</summary>
public sealed class ListDataSubjectRequestsRequest
{
    public DataSubjectRequestStatus? Status { get; set; }

    public DataSubjectRequestKind? Kind { get; set; }

    /// <summary><c>contact</c>, <c>lead</c> or <c>employee</c>.</summary>
    [MaxChars(40)]
    public string? SubjectType { get; set; }

    public Guid? SubjectId { get; set; }

    /// <summary>True: only open or in-progress requests past their due date.</summary>
    public bool? Overdue { get; set; }

    /// <summary>True: only open or in-progress requests.</summary>
    public bool? Pending { get; set; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    public int? Limit { get; set; }

    /// <summary>The <c>nextCursor</c> of the previous page.</summary>
    public string? Cursor { get; set; }
}

internal static class ListDataSubjectRequests
{
    private static readonly KeysetSort<DataSubjectRequest> ByDueDate = KeysetSorts.Time<DataSubjectRequest>("dueAt", r => r.DueAt);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", ([AsParameters] ListDataSubjectRequestsRequest request, KontorDb db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                ExecuteAsync(request, db, user, clock, ct))
            .WithName(nameof(ListDataSubjectRequests))
            .WithSummary("List data-subject requests, earliest due first")
            .WithDescription("Administrators only. Filters: status, kind, subjectType and subjectId, pending (open or in progress), overdue (pending and past the due date). Keyset-paged.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<Page<DataSubjectRequestResponse>> ExecuteAsync(ListDataSubjectRequestsRequest request, KontorDb db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        PrivacyAccess.Require(user);
        RequestValidator.ThrowIfInvalid(request);
        var now = clock.GetUtcNow();
        var source = db.Set<DataSubjectRequest>().AsNoTracking();
        if (request.Status is { } status)
        {
            source = source.Where(r => r.Status == status);
        }

        if (request.Kind is { } kind)
        {
            source = source.Where(r => r.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(request.SubjectType))
        {
            source = source.Where(r => r.SubjectType == request.SubjectType);
        }

        if (request.SubjectId is { } subjectId)
        {
            source = source.Where(r => r.SubjectId == subjectId);
        }

        if (request.Pending == true || request.Overdue == true)
        {
            source = source.Where(r => r.Status == DataSubjectRequestStatus.Open || r.Status == DataSubjectRequestStatus.InProgress);
        }

        if (request.Overdue == true)
        {
            source = source.Where(r => r.DueAt < now);
        }

        return await KeysetSorts.PageAsync(
            source, ByDueDate, request.Cursor, request.Limit,
            async ids =>
            {
                var rows = await source.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
                return await DataSubjectRequestResponse.DescribeAsync(db, [.. ids.Where(rows.ContainsKey).Select(id => rows[id])], now, ct);
            },
            ct);
    }
}
