using Kontor.BrowserTests.Infrastructure;
using Kontor.Features.Activities.Tasks;
using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Shared;
using Kontor.Platform.Records;

namespace Kontor.BrowserTests.Features.Activities;

/// <summary>A sales rep logs a call on an account and sees it on the timeline; an overdue task shows as a reminder.</summary>
public sealed class TimelineFlowTests(KontorBrowserApp app) : IClassFixture<KontorBrowserApp>
{
    [Fact]
    public async Task LogCall_OnAccount_AppearsOnTimeline()
    {
        var user = await app.CreateTenantWithUserAsync("Tobias", "Telefon", "SalesRep");
        var accountId = Guid.Empty;
        await app.InTenantAsync(user.TenantId, async db =>
        {
            var account = new Account(new AccountFields(
                "Brandt Logistik GmbH", null, null, null, null, null, null, PostalAddress.Empty, PostalAddress.Empty, null, user.Id, null, null));
            db.Accounts.Add(account);
            db.Activities.Add(new TaskItem(
                new RecordRef("account", account.Id),
                new TaskFields("Send the offer", null, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)), user.Id, TaskPriority.High, TaskItemStatus.Open),
                DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            accountId = account.Id;
        });

        var page = await app.SignedInPageAsync(user.Email);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "My tasks: 1 overdue or due today" })).ToBeVisibleAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, $"accounts/{accountId}").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Brandt Logistik GmbH", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Timeline", Level = 2 })).ToBeVisibleAsync();
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Send the offer", Level = 3 })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Log call", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log a call", Level = 3 })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
        await page.GetByLabel("Duration (minutes)", new() { Exact = true }).FillAsync("5");
        await page.GetByLabel("Subject", new() { Exact = true }).FillAsync("Pricing follow-up");
        await page.GetByLabel("Notes", new() { Exact = true }).FillAsync("Wants the offer by Friday.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        var call = page.GetByRole(AriaRole.Heading, new() { Name = "Outbound call · Reached · 5 min · Pricing follow-up", Level = 3 });
        await Expect(call).ToBeVisibleAsync();
        await Expect(page.GetByText("Wants the offer by Friday.")).ToBeVisibleAsync();
        await Expect(page.GetByText("by Tobias Telefon").First).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        // Filtered to calls, the task leaves the timeline and the call stays.
        await page.GetByRole(AriaRole.Button, new() { Name = "Tasks", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Send the offer", Level = 3 })).ToBeHiddenAsync();
        await Expect(call).ToBeVisibleAsync();

        // The reminder leads to "My tasks".
        await page.GetByRole(AriaRole.Link, new() { Name = "My tasks: 1 overdue or due today" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My tasks", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Overdue" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Send the offer", Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Mark 'Send the offer' done" }).CheckAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Done", Exact = true })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
    }
}
