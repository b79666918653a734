using Kontor.Features.Activities.Shared;
using Kontor.Platform.Http;
using Kontor.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Activities.Visits;

/// <summary>Query of <c>GET /api/visits</c>; also the week shown on "My visits".</summary>
public sealed class ListMyVisitsRequest
{
    /// <summary>First day, in the caller's time zone; today when left out.</summary>
    public DateOnly? From { get; set; }

    /// <summary>Last day (included); six days after <see cref="From"/> when left out; at most 92 days after it.</summary>
    public DateOnly? To { get; set; }

    /// <summary><c>me</c> (the default) or a user id: whose visits.</summary>
    [MaxChars(40)]
    public string? Visitor { get; set; }
}

internal static class ListMyVisits
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", ([AsParameters] ListMyVisitsRequest request, ActivityAccess access, TimeProvider clock, CancellationToken ct) =>
                ExecuteAsync(request, access, clock, ct))
            .WithName(nameof(ListMyVisits))
            .WithSummary("Visits of a visitor (the caller by default) between two days, planned and done, by start")
            .ProducesValidationProblem();

    public static async Task<IReadOnlyList<VisitResponse>> ExecuteAsync(ListMyVisitsRequest request, ActivityAccess access, TimeProvider clock, CancellationToken ct)
    {
        RequestValidator.ThrowIfInvalid(request);
        var visitor = string.IsNullOrWhiteSpace(request.Visitor) || request.Visitor.Trim() == "me" ? access.User.Id
            : Guid.TryParse(request.Visitor, out var parsed) ? parsed
            : throw RequestValidationException.For("visitor", "Use me or a user id.");
        var from = request.From ?? Tasks.ListTasks.Today(access, clock);
        var to = request.To ?? from.AddDays(6);
        if (to < from || to.DayNumber - from.DayNumber > 92)
        {
            throw RequestValidationException.For("to", "Use a day on or after from, at most 92 days later.");
        }

        var (start, end) = (Midnight(from, access), Midnight(to.AddDays(1), access));
        var ids = await access.Visible().OfType<Visit>()
            .Where(v => v.VisitorId == visitor && v.OccurredAt >= start && v.OccurredAt < end)
            .OrderBy(v => v.OccurredAt).ThenBy(v => v.Id).Select(v => v.Id).Take(500).ToListAsync(ct);
        var visits = await access.Db.Activities.AsNoTracking().OfType<Visit>().Where(v => ids.Contains(v.Id)).ToListAsync(ct);
        return await VisitResponse.DescribeAsync(access, [.. visits.OrderBy(v => v.OccurredAt).ThenBy(v => v.Id)], ct);
    }

    /// <summary>Midnight of the day in the user's time zone, as an instant.</summary>
    internal static DateTimeOffset Midnight(DateOnly day, ActivityAccess access)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, access.User.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}
