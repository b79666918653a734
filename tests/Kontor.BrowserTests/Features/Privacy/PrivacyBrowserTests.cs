using Kontor.BrowserTests.Infrastructure;
using Kontor.Features.Customers.Contacts;

namespace Kontor.BrowserTests.Features.Privacy;

/// <summary>The Privacy section of a contact: consent recorded and withdrawn, a request recorded and completed on its page.</summary>
public sealed class PrivacyBrowserTests(KontorBrowserApp app) : IClassFixture<KontorBrowserApp>
{
    [Fact]
    public async Task Administrator_RecordsAndWithdrawsConsent_ThenHandlesARequestOfTheContact()
    {
        var admin = await app.CreateTenantWithUserAsync("Dora", "Datenschutz");
        var contactId = Guid.Empty;
        await app.InTenantAsync(admin.TenantId, async db =>
        {
            var contact = new Contact(new ContactFields(
                Salutation.Ms, null, "Erika", "Mustermann", null, "erika@example.com", null, null, "de", null, admin.Id, null));
            db.Contacts.Add(contact);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            contactId = contact.Id;
        });

        var page = await app.SignedInPageAsync(admin.Email);
        await page.GotoAsync(new Uri(app.BaseAddress, $"contacts/{contactId}").ToString());
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Privacy", Level = 2 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Record consent", Exact = true }).ClickAsync();
        var consentRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Marketing e-mail" });
        await Expect(consentRow).ToContainTextAsync("Waiting for confirmation");
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw consent for Marketing e-mail", Exact = true }).ClickAsync();
        await Expect(consentRow).ToContainTextAsync("Withdrawn");

        await page.GetByRole(AriaRole.Button, new() { Name = "Record request", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Data-subject request", Level = 1 })).ToBeVisibleAsync();
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await Expect(page.GetByText("Access and export", new() { Exact = true })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark completed", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Mark completed", Exact = true })).ToHaveCountAsync(0);
        await Expect(page.GetByText("Completed", new() { Exact = true })).ToBeVisibleAsync();

        await page.GotoAsync(new Uri(app.BaseAddress, "privacy/requests").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Data-subject requests", Level = 1 })).ToBeVisibleAsync();
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Erika Mustermann" })).ToContainTextAsync("Completed");
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
    }
}
