using System.Net;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Sales.Products;

public sealed class ProductTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task Create_DuplicateCode_Returns400AndNonAdmin403()
    {
        var admin = await app.CreateTenantWithUserAsync("Catalogue");
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        await admin.CreateProductAsync("P-1", "Pump", "pc", "Standard");

        await admin.Client.PostJsonAsync("/api/products", new { code = "P-1", name = "Other", unit = "pc" }).ProblemAsync(HttpStatusCode.BadRequest, "code");
        await rep.Client.PostJsonAsync("/api/products", new { code = "P-2", name = "Valve", unit = "pc" }).ProblemAsync(HttpStatusCode.Forbidden);
        await admin.Client.PostJsonAsync("/api/products", new { code = "", name = "", unit = "pc" }).ProblemAsync(HttpStatusCode.BadRequest, "code", "name");
        var list = await rep.Client.GetJsonAsync("/api/products?search=Pump");
        Assert.Equal("P-1", Assert.Single(list.EnumerateArray()).Str("code"));
    }

    [Fact]
    public async Task Quote_UsesTheSegmentListOverTheFallback_WithinItsValidity()
    {
        var world = await app.CreateQuoteWorldAsync(segment: "Industry");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var industry = await world.Admin.Client.PostJsonAsync("/api/price-lists", new { name = "Industry EUR", currency = "EUR", segment = "Industry", validFrom = today.AddDays(-10), validTo = today.AddDays(10) }).ExpectAsync(HttpStatusCode.Created);
        await world.Admin.SetPriceAsync(industry.Id(), world.Widget, 1800);
        var future = await world.Admin.Client.PostJsonAsync("/api/price-lists", new { name = "Industry 2099", currency = "EUR", segment = "Industry", validFrom = new DateOnly(2099, 1, 1) }).ExpectAsync(HttpStatusCode.Created);
        await world.Admin.SetPriceAsync(future.Id(), world.Widget, 1);
        var inactive = await world.Admin.Client.PostJsonAsync("/api/price-lists", new { name = "Old", currency = "EUR", segment = "Industry", active = false }).ExpectAsync(HttpStatusCode.Created);
        await world.Admin.SetPriceAsync(inactive.Id(), world.Widget, 2);

        var quote = await world.Rep.CreateQuoteAsync(new
        {
            opportunityId = world.OpportunityId,
            lines = new[] { new { productId = world.Widget, quantity = 1m }, new { productId = world.Service, quantity = 1m } },
        });

        // The widget from the segment's list, the service hour (not in it) from the list without segment.
        Assert.Equal([1800L, 8500L], quote.GetProperty("lines").EnumerateArray().Select(l => l.Long("unitPrice")));
        var lookedUp = await world.Rep.Client.GetJsonAsync($"/api/price-lists/price?productId={world.Widget}&currency=EUR&segment=Other&date={today:yyyy-MM-dd}");
        Assert.Equal(1999, lookedUp.Long("unitPrice"));
    }

    [Fact]
    public async Task Quote_InactiveProduct_Returns400()
    {
        var world = await app.CreateQuoteWorldAsync();
        await world.Admin.Client.SendRawAsync(HttpMethod.Put, $"/api/products/{world.Widget}", """{"code":"W-100","name":"Widget","unit":"pc","taxClass":"Standard","active":false}""").ExpectAsync(HttpStatusCode.OK);

        await world.Rep.Client.PostJsonAsync("/api/quotes", new { opportunityId = world.OpportunityId, lines = new[] { new { productId = world.Widget, quantity = 1m } } })
            .ProblemAsync(HttpStatusCode.BadRequest, "lines[0].productId");
    }

    [Fact]
    public async Task PriceList_EndBeforeStart_Returns400()
    {
        var admin = await app.CreateTenantWithUserAsync("Catalogue");

        await admin.Client.PostJsonAsync("/api/price-lists", new { name = "X", currency = "EUR", validFrom = new DateOnly(2026, 2, 1), validTo = new DateOnly(2026, 1, 1) })
            .ProblemAsync(HttpStatusCode.BadRequest, "validTo");
        await admin.Client.PostJsonAsync("/api/price-lists", new { name = "X", currency = "E1" }).ProblemAsync(HttpStatusCode.BadRequest, "currency");
    }
}
