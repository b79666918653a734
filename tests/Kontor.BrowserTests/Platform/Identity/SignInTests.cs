using Kontor.BrowserTests.Infrastructure;
using Kontor.Platform.Identity;
using Kontor.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.BrowserTests.Platform.Identity;

public sealed class SignInTests(KontorBrowserApp app) : IClassFixture<KontorBrowserApp>
{
    [Fact]
    public async Task SignIn_WithWrongPassword_ShowsErrorAndStaysOnSignIn()
    {
        var user = await app.CreateTenantWithUserAsync("Wanda", "Wrong");
        var page = await app.NewPageAsync();
        await page.GotoAsync("signin");
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(user.Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The e-mail address or the password is wrong.");
        await Expect(page).ToHaveURLAsync(app.UrlOf("signin"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
    }

    [Fact]
    public async Task SignIn_WithRightPassword_ShowsWelcomeOnHomePage()
    {
        var user = await app.CreateTenantWithUserAsync("Wilma", "Welcome");

        var page = await app.SignedInPageAsync(user.Email);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Wilma Welcome");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" })
            .GetByRole(AriaRole.Link, new() { Name = "Accounts", Exact = true })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
    }

    [Fact]
    public async Task SignIn_FromProtectedPage_ReturnsThereAfterSignIn()
    {
        var user = await app.CreateTenantWithUserAsync("Rita", "Return");
        var page = await app.NewPageAsync();

        await page.GotoAsync("accounts");
        await Expect(page).ToHaveURLAsync(app.UrlOf("signin"));
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(user.Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(KontorBrowserApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(app.UrlOf("accounts"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accounts", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignOut_FromAppBar_EndsTheSession()
    {
        var user = await app.CreateTenantWithUserAsync("Otto", "Out");
        var page = await app.SignedInPageAsync(user.Email);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(app.UrlOf("signin"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync("");
        await Expect(page).ToHaveURLAsync(app.UrlOf("signin"));
        await Expect(page.GetByLabel("E-mail", new() { Exact = true })).ToBeEmptyAsync();
    }

    [Theory]
    [InlineData("sessions ended")]
    [InlineData("deactivated")]
    public async Task EndedSession_OpeningTheApp_LandsOnSignIn_AndAnotherUserCanSignInThere(string how)
    {
        var ended = await app.CreateTenantWithUserAsync("Edda", "Ended");
        var other = await app.CreateUserAsync(ended.TenantId, "Olga", "Other");
        var page = await app.SignedInPageAsync(ended.Email);

        // The browser keeps the old cookie, which still decodes: Identity revalidates cookies only every 30 minutes.
        await app.WithServicesAsync(async services =>
        {
            services.GetRequiredService<TenantContext>().Use(ended.TenantId);
            var users = services.GetRequiredService<UserManager<KontorUser>>();
            var stored = await users.FindByIdAsync(ended.Id.ToString());
            if (how == "deactivated")
            {
                stored!.IsActive = false;
                return await users.UpdateAsync(stored);
            }

            return await services.GetRequiredService<UserDirectory>().EndSessionsAsync(stored!, TestContext.Current.CancellationToken);
        });

        await page.GotoAsync("");

        await Expect(page).ToHaveURLAsync(app.UrlOf("signin"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(other.Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(KontorBrowserApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, "/").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Olga Other");
    }
}
