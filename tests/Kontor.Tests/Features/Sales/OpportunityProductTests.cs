using System.Net;
using System.Text.Json;
using Kontor.Features.Sales;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Tests.Features.Sales;

/// <summary>Products on opportunities: pricing from the price lists, the amount roll-up, the rules while lines exist, access, and the copy into a quote.</summary>
public sealed class OpportunityProductTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    private static string Products(Guid opportunity) => $"/api/opportunities/{opportunity}/products";

    private static Task<JsonElement> AddAsync(TestUser user, Guid opportunity, object line) =>
        user.Client.PostJsonAsync(Products(opportunity), line).ExpectAsync(HttpStatusCode.OK);

    /// <summary>The worked example of docs/opportunities.md, "Products".</summary>
    private static async Task<JsonElement> AddWorkedExampleAsync(QuoteWorld world)
    {
        await AddAsync(world.Rep, world.OpportunityId, new { productId = world.Widget, quantity = 2.5m, discountPercent = 12.5m });
        await AddAsync(world.Rep, world.OpportunityId, new { productId = world.Service, quantity = 1.5m, discountAmount = 500 });
        return await AddAsync(world.Rep, world.OpportunityId, new { productId = world.Book, quantity = 7m, description = "Operating manual, German" });
    }

    [Fact]
    public async Task Add_WorkedExample_RollsTheRoundedNetTotalUpIntoTheAmount()
    {
        var world = await app.CreateQuoteWorldAsync();

        var products = await AddWorkedExampleAsync(world);

        // 2.5 × 19.99 = 49.975 → 49.98; 12.5 % of it = 6.2475 → 6.25; net 43.73.
        // 1.5 × 85.00 = 127.50 − 5.00 = 122.50.  7 × 0.35 = 2.45.  Net total 168.68, net of tax.
        var lines = products.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal([4998L, 12750L, 245L], lines.Select(l => l.Long("grossAmount")));
        Assert.Equal([625L, 500L, 0L], lines.Select(l => l.Long("lineDiscount")));
        Assert.Equal([4373L, 12250L, 245L], lines.Select(l => l.Long("netAmount")));
        Assert.Equal([1, 2, 3], lines.Select(l => l.GetProperty("position").GetInt32()));
        Assert.Equal("Operating manual, German", lines[2].Str("description"));
        Assert.Equal(17993, products.Long("grossTotal"));
        Assert.Equal(1125, products.Long("discountTotal"));
        Assert.Equal(16868, products.Long("netTotal"));
        Assert.Equal(16868, products.Long("amount"));

        var opportunity = await world.Rep.Client.GetJsonAsync($"/api/opportunities/{world.OpportunityId}");
        Assert.Equal(16868, opportunity.Long("amount"));
        Assert.Equal(3, opportunity.GetProperty("products").GetArrayLength());
        var amountChanges = await app.InTenantAsync(world.Rep.TenantId, db => db.FieldChanges
            .Where(c => c.RecordId == world.OpportunityId && c.Field == "Amount").ToListAsync(Api.Ct));
        Assert.Equal(
            ["100000 → 4373", "16623 → 16868", "4373 → 16623"],
            amountChanges.Select(c => $"{c.OldValue} → {c.NewValue}").Order(StringComparer.Ordinal));
        var lineEntries = await app.InTenantAsync(world.Rep.TenantId, db => db.AuditEntries
            .Where(e => e.RecordId == world.OpportunityId && e.RecordType == "opportunity" && e.Detail != null && e.Detail.Contains("\"products\":\"added\""))
            .ToListAsync(Api.Ct));
        Assert.Equal(3, lineEntries.Count);
        Assert.All(lineEntries, e => Assert.Equal(world.Rep.Id, e.ActorId));
    }

    [Fact]
    public async Task UpdateAndRemove_RollTheAmountUpAgain_LastLineGone_AmountStaysAndIsEditable()
    {
        var world = await app.CreateQuoteWorldAsync();
        var added = await AddAsync(world.Rep, world.OpportunityId, new { productId = world.Widget, quantity = 3m });
        var widgetLine = added.GetProperty("lines")[0].Id();
        var withService = await AddAsync(world.Rep, world.OpportunityId, new { productId = world.Service, quantity = 1m });
        var serviceLine = withService.GetProperty("lines")[1].Id();

        var updated = await world.Rep.Client.SendRawAsync(HttpMethod.Put, $"{Products(world.OpportunityId)}/{widgetLine}",
                JsonSerializer.Serialize(new { quantity = 3m, discountPercent = 10m })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(5397 + 8500, updated.Long("amount")); // 59.97 − 6.00 (5.997 → 6.00) = 53.97, + 85.00

        var afterRemove = await world.Rep.Client.RemoveAsync($"{Products(world.OpportunityId)}/{widgetLine}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(8500, afterRemove.Long("amount"));
        Assert.Equal(1, afterRemove.GetProperty("lines")[0].GetProperty("position").GetInt32());

        var empty = await world.Rep.Client.RemoveAsync($"{Products(world.OpportunityId)}/{serviceLine}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, empty.GetProperty("lines").GetArrayLength());
        Assert.Equal(8500, empty.Long("amount"));
        var patched = await world.Rep.Client.PatchJsonAsync($"/api/opportunities/{world.OpportunityId}", new { amount = 12345 }, "*").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(12345, patched.Long("amount"));
    }

    [Fact]
    public async Task Add_PriceComesFromTheListOfTheCurrencyAndSegmentValidToday()
    {
        var world = await app.CreateQuoteWorldAsync(segment: "Industry");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        async Task ListAsync(string name, string currency, string? segment, DateOnly? validFrom, DateOnly? validTo, long widgetPrice, bool active = true)
        {
            var list = await world.Admin.Client.PostJsonAsync("/api/price-lists", new { name, currency, segment, validFrom, validTo, active }).ExpectAsync(HttpStatusCode.Created);
            await world.Admin.SetPriceAsync(list.Id(), world.Widget, widgetPrice);
        }

        await ListAsync("Industry EUR", "EUR", "Industry", today.AddDays(-30), null, 1800);
        await ListAsync("Industry EUR expired", "EUR", "Industry", null, today.AddDays(-1), 1500);
        await ListAsync("Industry EUR next year", "EUR", "Industry", today.AddDays(1), null, 1000);
        await ListAsync("Industry EUR inactive", "EUR", "Industry", null, null, 900, active: false);
        await ListAsync("Retail EUR", "EUR", "Retail", null, null, 1700);
        await ListAsync("Standard CHF", "CHF", null, null, null, 2100);
        var chfOpportunity = await app.CreateOpportunityAsync(world.Rep, world.AccountId, "CHF");

        var eur = await AddAsync(world.Rep, world.OpportunityId, new { productId = world.Widget });
        var chf = await AddAsync(world.Rep, chfOpportunity, new { productId = world.Widget });
        var service = await AddAsync(world.Rep, world.OpportunityId, new { productId = world.Service });

        Assert.Equal(1800, eur.GetProperty("lines")[0].Long("unitPrice"));
        Assert.Equal("Industry EUR", eur.GetProperty("lines")[0].Str("priceListName"));
        Assert.Equal(2100, chf.GetProperty("lines")[0].Long("unitPrice"));
        Assert.Equal("CHF", chf.Str("currency"));

        // The segment's list has no price for the service: the list without segment gives it.
        Assert.Equal(8500, service.GetProperty("lines")[1].Long("unitPrice"));
        Assert.Equal("Standard EUR", service.GetProperty("lines")[1].Str("priceListName"));
    }

    [Fact]
    public async Task Add_ProductWithoutPriceInTheCurrency_Returns400NamingTheCurrencyAndProduct()
    {
        var world = await app.CreateQuoteWorldAsync();
        var usdOpportunity = await app.CreateOpportunityAsync(world.Rep, world.AccountId, "USD");

        var problem = await world.Rep.Client.PostJsonAsync(Products(usdOpportunity), new { productId = world.Widget, quantity = 1m })
            .ProblemAsync(HttpStatusCode.BadRequest, "productId");

        Assert.Contains("USD", problem.ErrorOf("productId"), StringComparison.Ordinal);
        Assert.Contains("W-100", problem.ErrorOf("productId"), StringComparison.Ordinal);
        Assert.Equal(0, await app.InTenantAsync(world.Rep.TenantId, db => db.OpportunityProducts.CountAsync(Api.Ct)));
    }

    [Fact]
    public async Task Add_InvalidLine_Returns400NamingTheField()
    {
        var world = await app.CreateQuoteWorldAsync();

        await world.Rep.Client.PostJsonAsync(Products(world.OpportunityId), new { quantity = 1m }).ProblemAsync(HttpStatusCode.BadRequest, "productId");
        await world.Rep.Client.PostJsonAsync(Products(world.OpportunityId), new { productId = world.Widget, quantity = 0m }).ProblemAsync(HttpStatusCode.BadRequest, "quantity");
        await world.Rep.Client.PostJsonAsync(Products(world.OpportunityId), new { productId = world.Book, quantity = 1m, discountAmount = 36 }).ProblemAsync(HttpStatusCode.BadRequest, "discountAmount");
        await world.Rep.Client.PostJsonAsync(Products(world.OpportunityId), new { productId = world.Book, discountPercent = 120m }).ProblemAsync(HttpStatusCode.BadRequest, "discountPercent");
        await world.Rep.Client.PostJsonAsync(Products(world.OpportunityId), new { productId = Guid.NewGuid() }).ProblemAsync(HttpStatusCode.BadRequest, "productId");
    }

    [Fact]
    public async Task ChangeCurrencyOrAmount_WhileTheOpportunityHasProducts_Returns409()
    {
        var world = await app.CreateQuoteWorldAsync();
        await AddAsync(world.Rep, world.OpportunityId, new { productId = world.Widget, quantity = 1m });
        var url = $"/api/opportunities/{world.OpportunityId}";

        var currency = await world.Rep.Client.PatchJsonAsync(url, new { currency = "CHF" }, "*").ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("EUR", currency.Str("title"), StringComparison.Ordinal);
        Assert.True(currency.GetProperty("errors").TryGetProperty("currency", out _));
        var amount = await world.Rep.Client.PatchJsonAsync(url, new { amount = 5 }, "*").ProblemAsync(HttpStatusCode.Conflict);
        Assert.True(amount.GetProperty("errors").TryGetProperty("amount", out _));

        var renamed = await world.Rep.Client.PatchJsonAsync(url, new { name = "Renamed deal" }, "*").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("EUR", renamed.Str("currency"));
        Assert.Equal(1999, renamed.Long("amount"));
    }

    [Fact]
    public async Task ChangeCurrency_WithoutProducts_IsAllowed()
    {
        var world = await app.CreateQuoteWorldAsync();

        var patched = await world.Rep.Client.PatchJsonAsync($"/api/opportunities/{world.OpportunityId}", new { currency = "CHF" }, "*").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("CHF", patched.Str("currency"));
    }

    [Fact]
    public async Task Access_InvisibleOpportunity404_ReadOnly403_ReadSeesTheLines()
    {
        var world = await app.CreateQuoteWorldAsync();
        var products = await AddAsync(world.Rep, world.OpportunityId, new { productId = world.Widget, quantity = 1m });
        var line = products.GetProperty("lines")[0].Id();
        var colleague = await app.CreateUserAsync(world.Rep.TenantId, [Roles.SalesRep]);
        var lineUrl = $"{Products(world.OpportunityId)}/{line}";
        var change = JsonSerializer.Serialize(new { quantity = 2m });

        await app.SetSharingAsync(world.Rep.TenantId, SalesObjects.Opportunities, SharingLevel.Private);
        await colleague.Client.FetchAsync(Products(world.OpportunityId)).ProblemAsync(HttpStatusCode.NotFound);
        await colleague.Client.PostJsonAsync(Products(world.OpportunityId), new { productId = world.Widget }).ProblemAsync(HttpStatusCode.NotFound);
        await colleague.Client.SendRawAsync(HttpMethod.Put, lineUrl, change).ProblemAsync(HttpStatusCode.NotFound);
        await colleague.Client.RemoveAsync(lineUrl).ProblemAsync(HttpStatusCode.NotFound);

        await app.SetSharingAsync(world.Rep.TenantId, SalesObjects.Opportunities, SharingLevel.Read);
        var seen = await colleague.Client.GetJsonAsync(Products(world.OpportunityId));
        Assert.Equal(1999, seen.Long("netTotal"));
        await colleague.Client.PostJsonAsync(Products(world.OpportunityId), new { productId = world.Widget }).ProblemAsync(HttpStatusCode.Forbidden);
        await colleague.Client.SendRawAsync(HttpMethod.Put, lineUrl, change).ProblemAsync(HttpStatusCode.Forbidden);
        await colleague.Client.RemoveAsync(lineUrl).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(1999, (await world.Rep.Client.GetJsonAsync(Products(world.OpportunityId))).Long("amount"));
    }

    [Fact]
    public async Task Write_WithIfMatch_StaleVersionIs412_EveryChangeMovesTheOpportunitysETag()
    {
        var world = await app.CreateQuoteWorldAsync();
        var before = (await world.Rep.Client.FetchAsync(Products(world.OpportunityId))).ETag();

        var added = await world.Rep.Client.SendRawAsync(HttpMethod.Post, Products(world.OpportunityId), JsonSerializer.Serialize(new { productId = world.Widget }), ifMatch: before);
        await added.ExpectAsync(HttpStatusCode.OK);
        var after = added.ETag();
        Assert.NotEqual(before, after);
        Assert.Equal(after, (await world.Rep.Client.FetchAsync($"/api/opportunities/{world.OpportunityId}")).ETag());

        await world.Rep.Client.SendRawAsync(HttpMethod.Post, Products(world.OpportunityId), JsonSerializer.Serialize(new { productId = world.Book }), ifMatch: before)
            .ProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task CreateQuote_WithoutLines_CopiesTheOpportunitysProductsIntoTheFirstVersion()
    {
        var world = await app.CreateQuoteWorldAsync();
        var products = await AddWorkedExampleAsync(world);

        var quote = await world.Rep.CreateQuoteAsync(new { opportunityId = world.OpportunityId });

        Assert.Equal(1, quote.GetProperty("revision").GetInt32());
        var lines = quote.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(["W-100", "S-200", "B-300"], lines.Select(l => l.Str("productCode")));
        Assert.Equal([2.5m, 1.5m, 7m], lines.Select(l => l.GetProperty("quantity").GetDecimal()));
        Assert.Equal([4373L, 12250L, 245L], lines.Select(l => l.Long("netAmount")));
        Assert.Equal("Operating manual, German", lines[2].Str("description"));
        Assert.Equal(products.Long("netTotal"), quote.Long("subtotal"));
        Assert.Equal(products.Long("netTotal"), quote.Long("netTotal"));
    }

    [Fact]
    public async Task CreateQuote_WithLines_TakesTheRequestsLines()
    {
        var world = await app.CreateQuoteWorldAsync();
        await AddWorkedExampleAsync(world);

        var quote = await world.Rep.CreateQuoteAsync(new { opportunityId = world.OpportunityId, lines = new[] { new { productId = world.Book, quantity = 1m } } });

        Assert.Equal("B-300", Assert.Single(quote.GetProperty("lines").EnumerateArray()).Str("productCode"));
    }

    [Fact]
    public async Task DeleteAndRestore_TheLinesStayWithTheOpportunity()
    {
        var world = await app.CreateQuoteWorldAsync();
        await AddWorkedExampleAsync(world);

        await world.Rep.Client.RemoveAsync($"/api/opportunities/{world.OpportunityId}").ExpectAsync(HttpStatusCode.NoContent);
        await world.Rep.Client.FetchAsync(Products(world.OpportunityId)).ProblemAsync(HttpStatusCode.NotFound);
        await world.Rep.Client.PostJsonAsync(Products(world.OpportunityId), new { productId = world.Widget }).ProblemAsync(HttpStatusCode.NotFound);
        await world.Rep.Client.PostJsonAsync($"/api/opportunities/{world.OpportunityId}/restore", new { }).ExpectAsync(HttpStatusCode.OK);

        var products = await world.Rep.Client.GetJsonAsync(Products(world.OpportunityId));
        Assert.Equal(3, products.GetProperty("lines").GetArrayLength());
        Assert.Equal(16868, products.Long("amount"));
    }
}
