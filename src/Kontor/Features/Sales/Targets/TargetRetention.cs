using System.Globalization;
using Kontor.Features.Sales.Forecasts;
using Kontor.Platform.Agreement;
using Kontor.Platform.Retention;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Targets;

/// <summary>
/// Retention of the works agreement's <c>target-attainment</c>: a person's targets are deleted once their period ended
/// longer ago than the category's retention period, unless a legal hold on the person (<c>user</c>) keeps them. Team
/// targets describe a group and stay; the actuals are computed from opportunities and are not stored.
/// </summary>
internal sealed class TargetRetention : IRetentionSource
{
    private const int BatchSize = 1_000;

    public string Key => EmployeeDataCategories.TargetAttainment.Key;

    public async Task<RetentionOutcome> ApplyAsync(RetentionContext context, CancellationToken ct)
    {
        var db = context.Db;
        var period = context.Agreement.RuleFor(EmployeeDataCategories.TargetAttainment).Retention;
        var before = DateOnly.FromDateTime(period.ExpiredBefore(context.Now).UtcDateTime);
        var held = await LegalHolds.HeldIds(db, "user").ToListAsync(ct);

        // Only periods that started before the cut-off can have ended before it; their end is computed here.
        var candidates = await db.SalesTargets
            .Where(t => t.SubjectKind == SubjectKind.User && t.PeriodStart < before)
            .Select(t => new { t.Id, t.SubjectId, t.PeriodStart, t.PeriodKind })
            .ToListAsync(ct);
        var due = candidates.Where(t => SalesPeriod.Containing(t.PeriodStart, t.PeriodKind).End <= before).ToList();
        var tally = new RetentionTally(Key) { Held = due.Count(t => held.Contains(t.SubjectId)) };
        var ids = due.Where(t => !held.Contains(t.SubjectId)).Select(t => t.Id).ToList();
        tally.AddItems("salesTarget", ids, string.Create(CultureInfo.InvariantCulture, $"period ended before {before:yyyy-MM-dd} ({period})"));
        if (context.DryRun)
        {
            tally.Deleted = ids.Count;
            return tally.ToOutcome();
        }

        foreach (var batch in ids.Chunk(BatchSize))
        {
            tally.Deleted += await db.SalesTargets.Where(t => batch.Contains(t.Id)).ExecuteDeleteAsync(ct);
        }

        return tally.ToOutcome();
    }
}
