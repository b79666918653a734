using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;

namespace Kontor.Platform.Agreement.AccessLog;

/// <summary>Query of <c>GET /api/works-agreement/access-log</c>; also the filters of the access log page.</summary>
public sealed class AccessLogRequest
{
    /// <summary>Only reads by this user.</summary>
    public Guid? Reader { get; set; }

    /// <summary>Only reads of this person's data.</summary>
    public Guid? Subject { get; set; }

    /// <summary>Only reads of this category, e.g. <c>revenue-per-owner</c>.</summary>
    [MaxChars(50)]
    public string? Category { get; set; }

    /// <summary>Only reads at or after this instant.</summary>
    public DateTimeOffset? From { get; set; }

    /// <summary>Only reads before this instant.</summary>
    public DateTimeOffset? To { get; set; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    public int? Limit { get; set; }

    /// <summary>The <c>nextCursor</c> of the previous page.</summary>
    public string? Cursor { get; set; }
}

internal static class ListAccessLog
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/access-log", ([AsParameters] AccessLogRequest request, KontorDb db, CurrentUser user, CancellationToken ct) => ExecuteAsync(request, db, user, ct))
            .WithName(nameof(ListAccessLog))
            .WithSummary("The access log of employee data, for the works council")
            .WithDescription("Every read of a person's individual employee data by someone else, newest first, keyset-paged; filter by reader, subject, category and time. Members of the works council only.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static Task<Page<DataAccessResponse>> ExecuteAsync(AccessLogRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        RequireWorksCouncil(user);
        RequestValidator.ThrowIfInvalid(request);
        var query = DataAccessEntries.All(db);
        if (request.Reader is { } reader)
        {
            query = query.Where(e => e.ActorId == reader);
        }

        if (request.Subject is { } subject)
        {
            query = query.Where(e => e.RecordId == subject);
        }

        if (Normalize.Text(request.Category) is { } category)
        {
            query = EmployeeDataCategories.Find(category) is not null
                ? DataAccessEntries.OfCategory(query, category)
                : throw RequestValidationException.For("category", AgreementMessages.Format("Choose one of: {0}.", string.Join(", ", EmployeeDataCategories.All.Select(c => c.Key))));
        }

        if (request.From is { } from)
        {
            query = query.Where(e => e.At >= from);
        }

        if (request.To is { } to)
        {
            query = query.Where(e => e.At < to);
        }

        return DataAccessEntries.PageAsync(db, query, request.Cursor, request.Limit, ct);
    }

    /// <summary>The whole access log is for the works council, which oversees the agreement.</summary>
    internal static void RequireWorksCouncil(CurrentUser user)
    {
        if (!user.IsInRole(Roles.WorksCouncil))
        {
            throw new ForbiddenException(AgreementMessages.Get("Only the works council sees the access log of employee data."));
        }

        CredentialRules.RequireMfaEnrolled(user);
    }
}
