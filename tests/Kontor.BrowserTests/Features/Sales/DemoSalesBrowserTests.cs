using Kontor.BrowserTests.Infrastructure;
using Kontor.Features.Activities.Visits;
using Kontor.Features.Demo;
using Kontor.Platform.Data;
using Kontor.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.BrowserTests.Features.Sales;

/// <summary>The demo's sales data shows on the pages the demo people work with.</summary>
public sealed class DemoSalesBrowserTests(KontorBrowserApp app) : IClassFixture<KontorBrowserApp>
{
    [Fact]
    public async Task Demo_RepAndInsideSales_SeeQuotesOrderVisitsTargetsAndSignals()
    {
        var plannedVisit = await app.WithServicesAsync(async services =>
        {
            await DemoTenant.LoadAsync(services, TestContext.Current.CancellationToken);
            using var system = services.GetRequiredService<SystemScope>().Enter("test: English demo users");
            var db = services.GetRequiredService<KontorDb>();
            await db.Users.Where(u => u.Email == "sales@demo.kontor" || u.Email == "inside@demo.kontor")
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.Culture, "en-GB"), TestContext.Current.CancellationToken);
            var sabine = await db.Users.Where(u => u.Email == "sales@demo.kontor").Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
            return await db.Activities.OfType<Visit>().Where(v => v.VisitorId == sabine && v.VisitStatus == VisitStatus.Planned)
                .Select(v => v.Subject!).SingleAsync(TestContext.Current.CancellationToken);
        });

        var page = await app.SignedInPageAsync("sales@demo.kontor", DemoTenant.Password, width: 1280, height: 900);
        await page.GotoAsync(new Uri(app.BaseAddress, "quotes").ToString());
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        foreach (var status in new[] { "Draft", "Sent", "Accepted", "Rejected" })
        {
            await Expect(page.GetByRole(AriaRole.Cell, new() { Name = status, Exact = true })).ToBeVisibleAsync();
        }

        await page.GotoAsync(new Uri(app.BaseAddress, "orders").ToString());
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "O-00001" }).Or(page.GetByRole(AriaRole.Link, new() { Name = "O-00001" })).First).ToBeVisibleAsync();

        await page.GotoAsync(new Uri(app.BaseAddress, "visits").ToString());
        await Expect(page.GetByText(plannedVisit).First).ToBeVisibleAsync();

        await page.GotoAsync(new Uri(app.BaseAddress, "targets").ToString());
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Sabine Sommer", Exact = true }).First).ToBeVisibleAsync();

        var inside = await app.SignedInPageAsync("inside@demo.kontor", DemoTenant.Password, width: 1280, height: 900);
        await inside.GotoAsync(new Uri(app.BaseAddress, "upsell-signals").ToString());
        await Expect(inside.GetByRole(AriaRole.Cell, new() { Name = "Open", Exact = true })).ToBeVisibleAsync();
        await Expect(inside.GetByRole(AriaRole.Cell, new() { Name = "Converted", Exact = true })).ToBeVisibleAsync();
    }
}
