using System.Net;
using System.Text.Json;
using Kontor.Features.Sales.Opportunities;
using Kontor.Features.Sales.Pipelines;
using Kontor.Platform.Access;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Tests.Infrastructure;

/// <summary>
/// A sales tenant for quote tests: an administrator who keeps the catalogue, a team lead who manages a sales rep,
/// the rep's account and opportunity, and three products priced in the fallback EUR list (19.99, 85.00 per hour and
/// 0.35 at the reduced rate: the products of worked example 1 in docs/quotes.md).
/// </summary>
public sealed record QuoteWorld(TestUser Admin, TestUser Manager, TestUser Rep, Guid AccountId, Guid OpportunityId, Guid PriceListId, Guid Widget, Guid Service, Guid Book);

public static class QuoteApi
{
    public static async Task<QuoteWorld> CreateQuoteWorldAsync(this KontorAppFactory app, string? segment = null)
    {
        var admin = await app.CreateTenantWithUserAsync("Quotes");
        var manager = await app.CreateUserAsync(admin.TenantId, [Roles.TeamLead]);
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep], managerId: manager.Id);
        var account = await rep.Client.CreateAccountAsync(new { name = "Müller Maschinenbau GmbH", segment, billingAddress = new { street = "Hauptstraße 1", postalCode = "80331", city = "München", country = "DE" } });
        var opportunity = await app.CreateOpportunityAsync(rep, account.Id());
        var list = await admin.Client.PostJsonAsync("/api/price-lists", new { name = "Standard EUR", currency = "EUR" }).ExpectAsync(HttpStatusCode.Created);
        var widget = await admin.CreateProductAsync("W-100", "Widget", "pc", "Standard");
        var service = await admin.CreateProductAsync("S-200", "Service hour", "h", "Standard");
        var book = await admin.CreateProductAsync("B-300", "Manual", "pc", "Reduced");
        await admin.SetPriceAsync(list.Id(), widget, 1999);
        await admin.SetPriceAsync(list.Id(), service, 8500);
        await admin.SetPriceAsync(list.Id(), book, 35);
        return new QuoteWorld(admin, manager, rep, account.Id(), opportunity, list.Id(), widget, service, book);
    }

    /// <summary>An opportunity of <paramref name="owner"/> on the account, in the first stage of the default pipeline (opportunities have no API in this branch).</summary>
    public static Task<Guid> CreateOpportunityAsync(this KontorAppFactory app, TestUser owner, Guid accountId, string currency = "EUR") =>
        app.InTenantAsync(owner.TenantId, async db =>
        {
            var pipeline = await DefaultPipeline.GetOrCreateAsync(db, Api.Ct);
            var stage = await db.PipelineStages.Where(s => s.PipelineId == pipeline.Id && s.Outcome == StageOutcome.Open).OrderBy(s => s.Order).FirstAsync(Api.Ct);
            var opportunity = new Opportunity(
                new OpportunityFields("New machines", accountId, owner.Id, null, 100_000, currency, null, null, null, null, null, null),
                pipeline, stage, owner.Id, DateTimeOffset.UtcNow);
            db.Opportunities.Add(opportunity);
            await db.SaveChangesAsync(Api.Ct);
            return opportunity.Id;
        });

    public static async Task<Guid> CreateProductAsync(this TestUser admin, string code, string name, string unit, string taxClass) =>
        (await admin.Client.PostJsonAsync("/api/products", new { code, name, unit, taxClass }).ExpectAsync(HttpStatusCode.Created)).Id();

    public static Task SetPriceAsync(this TestUser admin, Guid listId, Guid productId, long unitPrice) =>
        admin.Client.SendRawAsync(HttpMethod.Put, $"/api/price-lists/{listId}/prices/{productId}", JsonSerializer.Serialize(new { unitPrice })).ExpectAsync(HttpStatusCode.OK);

    /// <summary>The quote of worked example 1: 3 widgets at 10 % off, 2.5 service hours, 7 manuals and 5 % off the quote, plus extra options.</summary>
    public static object Example1(QuoteWorld world, decimal widgetDiscount = 10m) => new
    {
        opportunityId = world.OpportunityId,
        discountPercent = 5m,
        lines = new object[]
        {
            new { productId = world.Widget, quantity = 3m, discountPercent = widgetDiscount },
            new { productId = world.Service, quantity = 2.5m },
            new { productId = world.Book, quantity = 7m },
        },
    };

    public static Task<JsonElement> CreateQuoteAsync(this TestUser user, object body) =>
        user.Client.PostJsonAsync("/api/quotes", body).ExpectAsync(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> ActAsync(this TestUser user, Guid quoteId, string action, object? body = null) =>
        user.Client.PostJsonAsync($"/api/quotes/{quoteId}/{action}", body ?? new { });

    public static long Long(this JsonElement element, string property) => element.GetProperty(property).GetInt64();
}
