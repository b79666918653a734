using Kontor.Platform.Data;
using Kontor.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Kontor.Features.Sales.Quotes;

/// <summary>
/// Marks open quotes whose validity has run out as expired, every night across all tenants in a system scope, so
/// lists and reports show them as expired without anyone opening them (reads and actions also expire a quote on
/// their own).
/// </summary>
[DisallowConcurrentExecution]
public sealed class QuoteExpiry(KontorDb db, SystemScope system) : IJob
{
    private const int BatchSize = 500;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunAsync(cancellationToken);

    /// <summary>Expires every due quote; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = QuoteAccess.Today(db);
        var expired = 0;
        using (system.Enter("quote expiry"))
        {
            while (true)
            {
                var due = await db.Quotes
                    .Where(q => q.IsCurrent && q.ValidUntil < today
                        && (q.Status == QuoteStatus.Draft || q.Status == QuoteStatus.InApproval || q.Status == QuoteStatus.Approved || q.Status == QuoteStatus.Sent))
                    .OrderBy(q => q.Id)
                    .Take(BatchSize)
                    .ToListAsync(ct);
                var count = due.Count(q => q.ExpireIfDue(today));
                try
                {
                    await db.SaveChangesAsync(ct);
                    expired += count;
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Someone acted on one of the quotes meanwhile (which expires it too, or changed it): read the batch again.
                }

                db.ChangeTracker.Clear();
                if (due.Count < BatchSize)
                {
                    return expired;
                }
            }
        }
    }
}
