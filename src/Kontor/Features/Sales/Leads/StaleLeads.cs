using Kontor.Features.Customers.Contacts;
using Kontor.Features.Customers.Shared;
using Kontor.Platform.Data;
using Kontor.Platform.Retention;
using Kontor.Platform.Retention.Rules;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Leads;

/// <summary>
/// The customer-data rule for leads (off by default): a lead not converted within the tenant's
/// <see cref="RetentionRules.StaleLeadMonths"/> of its last change (its own, or of an activity on it) is anonymised or
/// purged with everything attached. Anonymising keeps the row with its status, source, campaign, segment, owner and
/// dates for statistics; it removes names, contact data, address, description and external id, and purges the
/// lead's activities and field history, whose old values would otherwise keep what was removed. Leads under a legal
/// hold stay and count as held.
/// </summary>
internal sealed class StaleLeads(RecordPurge purge, ProtectedRecords protectedRecords) : IRetentionSource
{
    /// <summary>The last name an anonymised lead keeps, which also tells the rule it is done with the lead.</summary>
    public const string AnonymisedName = "(anonymised)";

    private const int BatchSize = 200;

    public string Key => "stale-leads";

    public async Task<RetentionOutcome> ApplyAsync(RetentionContext context, CancellationToken ct)
    {
        var tally = new RetentionTally(Key);
        var rules = context.Rules;
        if (!rules.StaleLeadsEnabled)
        {
            return tally.ToOutcome();
        }

        var db = context.Db;
        var type = SalesObjects.Leads.Key;
        var cutoff = context.Now.AddMonths(-rules.StaleLeadMonths);
        var recentlyWorked = db.Activities.Where(a => a.TargetType == type && a.UpdatedAt >= cutoff).Select(a => a.TargetId);
        var stale = db.Leads
            .Where(l => l.ConvertedAt == null && l.Status != LeadStatus.Converted && l.UpdatedAt < cutoff && !recentlyWorked.Contains(l.Id))
            .Where(l => !(l.LastName == AnonymisedName && l.FirstName == null && l.Email == null && l.Phone == null && l.Company == null));
        tally.Held = await protectedRecords.Protected(stale, db, type, context.Periods, context.Now).CountAsync(ct);
        var due = protectedRecords.Removable(stale, db, type, context.Periods, context.Now);
        var reason = rules.StaleLeadAction == RetentionAction.Delete
            ? $"not converted {rules.StaleLeadMonths} months after its last change: purged"
            : $"not converted {rules.StaleLeadMonths} months after its last change: anonymised";
        if (context.DryRun)
        {
            var count = await due.CountAsync(ct);
            if (rules.StaleLeadAction == RetentionAction.Delete)
            {
                tally.Deleted = count;
            }
            else
            {
                tally.Anonymised = count;
            }

            tally.AddItems(type, await due.OrderBy(l => l.Id).Select(l => l.Id).Take(RetentionTally.MaxItems).ToListAsync(ct), reason);
            return tally.ToOutcome();
        }

        while (true)
        {
            var batch = await due.OrderBy(l => l.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return tally.ToOutcome();
            }

            var ids = batch.Select(l => l.Id).ToList();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (rules.StaleLeadAction == RetentionAction.Delete)
            {
                db.ChangeTracker.Clear();
                tally.Deleted += await purge.PurgeAsync<Lead>(db, ids, ct);
            }
            else
            {
                foreach (var lead in batch)
                {
                    lead.Apply(Anonymised(lead));
                }

                await db.SaveChangesAsync(ct);
                await purge.PurgeAttachmentsAsync(db, type, ids, ct);
                tally.Anonymised += batch.Count;
            }

            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            tally.AddItems(type, ids, reason);
        }
    }

    private static LeadFields Anonymised(Lead lead) => new(
        Salutation: Salutation.None,
        FirstName: null,
        LastName: AnonymisedName,
        Company: null,
        Title: null,
        Email: null,
        Phone: null,
        Address: PostalAddress.Empty,
        Source: lead.Source,
        Campaign: lead.Campaign,
        Segment: lead.Segment,
        Status: lead.Status,
        DisqualificationReason: null,
        Rating: lead.Rating,
        OwnerId: lead.OwnerId,
        TeamId: lead.TeamId,
        Description: null,
        ExternalId: null);
}
