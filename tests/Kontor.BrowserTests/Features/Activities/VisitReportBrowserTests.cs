using Kontor.BrowserTests.Infrastructure;
using Kontor.Features.Activities.Tasks;
using Kontor.Features.Activities.Visits;
using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Shared;
using Kontor.Platform.Records;
using Microsoft.EntityFrameworkCore;

namespace Kontor.BrowserTests.Features.Activities;

/// <summary>A field rep writes a visit report on the phone, with a follow-up task.</summary>
public sealed class VisitReportBrowserTests(KontorBrowserApp app) : IClassFixture<KontorBrowserApp>
{
    [Fact]
    public async Task WriteVisitReport_AtPhoneWidth_MarksVisitDoneAndCreatesFollowUp()
    {
        var user = await app.CreateTenantWithUserAsync("Frieda", "Feld", "SalesRep");
        var visitId = Guid.Empty;
        // Noon today in the user's time zone, so the visit is in the week "My visits" opens with.
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var noon = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, berlin).Date.AddHours(12);
        var start = new DateTimeOffset(noon, berlin.GetUtcOffset(noon)).ToUniversalTime();
        await app.InTenantAsync(user.TenantId, async db =>
        {
            var account = new Account(new AccountFields(
                "Schmidt Anlagenbau GmbH", null, null, null, null, null, null, PostalAddress.Empty, PostalAddress.Empty, null, user.Id, null, null));
            db.Accounts.Add(account);
            var visit = new Visit(new RecordRef("account", account.Id), new VisitFields("Line 3 walk-through", start, start.AddHours(1), "Werk Nord", null, user.Id, []));
            db.Activities.Add(visit);
            await db.SaveChangesAsync();
            visitId = visit.Id;
        });

        var page = await app.SignedInPageAsync(user.Email, width: 390, height: 844);
        await page.GotoAsync(new Uri(app.BaseAddress, $"visits/{visitId}/report").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Visit report", Level = 1 })).ToBeVisibleAsync();
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Line 3 walk-through", Level = 2 })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        await page.GetByRole(AriaRole.Radio, new() { Name = "Positive" }).CheckAsync();
        await page.GetByLabel("Summary", new() { Exact = true }).FillAsync("Wants the bigger press.");
        await page.GetByLabel("Next steps", new() { Exact = true }).FillAsync("Quote by Friday");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add follow-up task" }).ClickAsync();
        await page.GetByLabel("Task 1", new() { Exact = true }).FillAsync("Send quote for the press");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save report" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(app.UrlOf("visits"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My visits", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Report", Exact = true })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        var (status, tasks) = (VisitStatus.Planned, 0);
        await app.InTenantAsync(user.TenantId, async db =>
        {
            status = (await db.Activities.OfType<Visit>().SingleAsync(v => v.Id == visitId)).VisitStatus;
            tasks = await db.Activities.OfType<TaskItem>().CountAsync(t => t.Subject == "Send quote for the press" && t.AssigneeId == user.Id);
        });
        Assert.Equal(VisitStatus.Done, status);
        Assert.Equal(1, tasks);
    }
}
