using Kontor.Platform.Administration;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Resources;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Retention.Rules;

/// <summary>A record type's statutory period as the API shows it, with its default and the law behind it.</summary>
public sealed record StatutoryPeriodResponse(string RecordType, int Years, int DefaultYears, string LegalBasis, string Description);

/// <summary>One period of <c>PUT /api/retention/statutory-periods</c>.</summary>
public sealed class StatutoryPeriodRequest
{
    /// <summary>One of <c>order</c>, <c>quote-ordered</c>, <c>quote-sent</c>.</summary>
    public string? RecordType { get; set; }

    /// <summary>0–30 whole years, counted from the end of the calendar year of the record's date; 0 keeps nothing for the law.</summary>
    public int Years { get; set; }
}

/// <summary>Body of <c>PUT /api/retention/statutory-periods</c>; types not named keep their period.</summary>
public sealed class StatutoryPeriodsRequest
{
    public List<StatutoryPeriodRequest> Periods { get; set; } = [];
}

internal static class GetStatutoryPeriods
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/statutory-periods", (KontorDb db, CurrentUser user, CancellationToken ct) => ExecuteAsync(db, user, ct))
            .WithName(nameof(GetStatutoryPeriods))
            .WithSummary("How long commercial and tax records are kept")
            .WithDescription("Per record type: the years in force, the German default and its legal basis. Administrators only.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<List<StatutoryPeriodResponse>> ExecuteAsync(KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.Require(user);
        var periods = await StatutoryPeriods.LoadAsync(db, ct);
        return [.. StatutoryPeriods.Types.Select(t => new StatutoryPeriodResponse(t.Key, periods.YearsOf(t.Key), t.Years, t.LegalBasis, t.Description))];
    }
}

internal static class UpdateStatutoryPeriods
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/statutory-periods", (StatutoryPeriodsRequest request, KontorDb db, CurrentUser user, AuditTrail audit, CancellationToken ct) =>
                ExecuteAsync(request, db, user, audit, ct))
            .WithName(nameof(UpdateStatutoryPeriods))
            .WithSummary("Change statutory periods")
            .WithDescription("Sets the years of the named record types; shortening a period is your organisation's legal responsibility. Administrators only.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Shared by the endpoint and the retention page.</summary>
    public static async Task<List<StatutoryPeriodResponse>> ExecuteAsync(StatutoryPeriodsRequest request, KontorDb db, CurrentUser user, AuditTrail audit, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var periods = request.Periods ?? [];
        if (periods.Count == 0)
        {
            errors["periods"] = [RetentionText.Message("Name at least one record type.")];
        }

        for (var i = 0; i < periods.Count; i++)
        {
            var period = periods[i];
            if (period is null || string.IsNullOrWhiteSpace(period.RecordType) || !StatutoryPeriods.IsKnown(period.RecordType.Trim()))
            {
                errors[$"periods[{i}].recordType"] = [RetentionText.Format("Choose one of: {0}.", string.Join(", ", StatutoryPeriods.Types.Select(t => t.Key)))];
            }
            else if (periods.Take(i).Any(p => p?.RecordType?.Trim() == period.RecordType.Trim()))
            {
                errors[$"periods[{i}].recordType"] = [RetentionText.Message("Each record type may appear once.")];
            }

            if (period is not null && period.Years is < 0 or > StatutoryPeriods.MaxYears)
            {
                errors[$"periods[{i}].years"] = [RetentionText.Format("Enter between {0} and {1}.", 0, StatutoryPeriods.MaxYears)];
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var stored = await db.StatutoryPeriodSettings.ToListAsync(ct);
        foreach (var period in periods)
        {
            var key = period.RecordType!.Trim();
            if (stored.FirstOrDefault(s => s.RecordType == key) is { } setting)
            {
                setting.Years = period.Years;
            }
            else
            {
                db.StatutoryPeriodSettings.Add(new StatutoryPeriodSetting(key, period.Years));
            }
        }

        audit.Record(db, AuditAction.Update, "statutoryPeriods", periods.ToDictionary(p => p.RecordType!.Trim(), p => p.Years, StringComparer.Ordinal));
        await db.SaveChangesAsync(ct);
        return await GetStatutoryPeriods.ExecuteAsync(db, user, ct);
    }
}
