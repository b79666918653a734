using Kontor.Features.Sales.Opportunities;
using Kontor.Features.Sales.Pipelines;
using Kontor.Features.Sales.Targets;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Tests.Infrastructure;

/// <summary>Arranges opportunities in the default pipeline's stages directly, for forecasts, targets and reports.</summary>
public static class SalesFiguresArrange
{
    /// <summary>
    /// Adds an opportunity owned by <paramref name="ownerId"/> in the default pipeline's stage with
    /// <paramref name="stageOrder"/> (10 Qualification 10 %, 20 Needs analysis 25 %, 30 Proposal 50 % best case,
    /// 40 Negotiation 75 % commit, 50 Won, 60 Lost); a won or lost one is closed at <paramref name="closedAt"/>.
    /// </summary>
    public static Task<Guid> AddOpportunityAsync(
        this KontorAppFactory app,
        Guid tenantId,
        Guid ownerId,
        Guid accountId,
        int stageOrder,
        long? amount,
        string currency = "EUR",
        DateOnly? closeDate = null,
        DateTimeOffset? closedAt = null,
        string? lossReason = null) =>
        app.InTenantAsync(tenantId, async db =>
        {
            var pipeline = await DefaultPipeline.GetOrCreateAsync(db, Api.Ct);
            var stage = pipeline.Stages.Single(s => s.Order == stageOrder);
            var fields = new OpportunityFields($"Deal {Guid.NewGuid():N}", accountId, ownerId, null, amount, currency, closeDate, null, null, null, lossReason, null);
            var opportunity = new Opportunity(fields, pipeline, stage, ownerId, (closedAt ?? DateTimeOffset.UtcNow).ToUniversalTime());
            db.Opportunities.Add(opportunity);
            await db.SaveChangesAsync(Api.Ct);
            return opportunity.Id;
        });

    /// <summary>The number of targets stored in the tenant.</summary>
    public static Task<int> CountTargetsAsync(this KontorAppFactory app, Guid tenantId) =>
        app.InTenantAsync(tenantId, db => db.Set<SalesTarget>().CountAsync(Api.Ct));
}
