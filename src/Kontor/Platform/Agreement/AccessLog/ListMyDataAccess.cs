using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;

namespace Kontor.Platform.Agreement.AccessLog;

/// <summary>Query of <c>GET /api/profile/data-access</c>.</summary>
public sealed class PageRequest
{
    /// <summary>Page size, 1–200 (default 50).</summary>
    public int? Limit { get; set; }

    /// <summary>The <c>nextCursor</c> of the previous page.</summary>
    public string? Cursor { get; set; }
}

internal static class ListMyDataAccess
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/data-access", ([AsParameters] PageRequest request, KontorDb db, CurrentUser user, CancellationToken ct) => ExecuteAsync(request, db, user, ct))
            .WithName(nameof(ListMyDataAccess))
            .WithSummary("Who saw my data: every read of your individual employee data by someone else")
            .WithDescription("Newest first, keyset-paged, with the reader, the category, the declared purpose and whether it came through the web UI or the API. Every user sees their own.")
            .ProducesValidationProblem();

    public static Task<Page<DataAccessResponse>> ExecuteAsync(PageRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        CredentialRules.RequireMfaEnrolled(user);
        return DataAccessEntries.PageAsync(db, DataAccessEntries.All(db).Where(e => e.RecordId == user.Id), request.Cursor, request.Limit, ct);
    }
}
