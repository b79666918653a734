using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Kontor.Platform.Access;
using Kontor.Platform.Agreement;
using Kontor.Platform.Agreement.Versions;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Platform.Tenancy;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.BrowserTests.Infrastructure;

/// <summary>
/// The real Kontor on a Kestrel port of 127.0.0.1 with a throwaway SQLite database, and one headless Debian
/// Chromium driven by Playwright. One per test class; every page gets its own browser context (own cookies).
/// </summary>
public class KontorBrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Test-Password-2026";
    public const string BootstrapAdminEmail = "bootstrap-admin@kontor.test";

    /// <summary>Debian's Chromium; Playwright cannot download its own browser build here. KONTOR_CHROMIUM overrides it.</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("KONTOR_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private readonly string sqliteFolder = Path.Combine(Path.GetTempPath(), "kontor-browser-tests", Guid.NewGuid().ToString("N"));
    private readonly List<IBrowserContext> contexts = [];
    private IPlaywright? playwright;
    private IBrowser? browser;
    private int counter;

    public KontorBrowserApp() => UseKestrel();

    /// <summary>Where the app listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    private IBrowser Browser => browser ?? throw new InvalidOperationException("The browser starts in InitializeAsync.");

    public async ValueTask InitializeAsync()
    {
        // A Blazor Server page on a busy two-core machine can take longer than Playwright's default of five seconds.
        SetDefaultExpectTimeout(20_000);

        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = new Uri(addresses.Single().TrimEnd('/') + "/");

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"No Chromium at {ChromiumPath}: install Debian's package 'chromium' (./test.sh does) or set KONTOR_CHROMIUM.");
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                // Root (CI) cannot use Chromium's sandbox; the rest keeps a headless run lean and offline.
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        });
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }

        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await base.DisposeAsync();
        if (Directory.Exists(sqliteFolder))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(sqliteFolder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        // Port 0 lets the operating system pick a free port, so test classes and parallel runs never collide.
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Kontor:Bootstrap:TenantName", "Bootstrap tenant");
        builder.UseSetting("Kontor:Bootstrap:AdminEmail", BootstrapAdminEmail);
        builder.UseSetting("Kontor:Bootstrap:AdminPassword", Password);
        builder.UseSetting("Kontor:RateLimits:SignInPerMinute", "1000");
        builder.UseSetting("Kontor:Database:Provider", "Sqlite");
        builder.UseSetting("Kontor:Database:SqlitePath", Path.Combine(sqliteFolder, "kontor.db"));
        builder.UseSetting("Kontor:Imports:Folder", Path.Combine(sqliteFolder, "imports"));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime", "Warning");

        // Every test database starts without keys; the warning that a new key is stored unencrypted is expected here.
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore.DataProtection", "Error");

        // A closed browser context ends its circuits at once instead of keeping them for a reconnect that never
        // comes; kept ones outlive the app's services at shutdown and log errors.
        builder.ConfigureServices(services => services.Configure<CircuitOptions>(circuits => circuits.DisconnectedCircuitMaxRetained = 0));
    }

    /// <summary>A unique e-mail address for a test user.</summary>
    public string NewEmail(string who = "user") => $"{who}-{Interlocked.Increment(ref counter)}-{Guid.NewGuid():N}@kontor.test".ToLowerInvariant();

    /// <summary>Creates a tenant of its own with one user (an admin unless roles are given) who signs in with <see cref="Password"/>.</summary>
    public async Task<BrowserUser> CreateTenantWithUserAsync(string firstName, string lastName, params string[] roles)
    {
        var tenantId = await WithServicesAsync(async services =>
            (await services.GetRequiredService<UserDirectory>().CreateTenantAsync($"{lastName} {Guid.NewGuid():N}", "DE", TestContext.Current.CancellationToken)).Id);
        return await CreateUserAsync(tenantId, firstName, lastName, roles);
    }

    /// <summary>Creates a user in a tenant (an admin unless roles are given) who signs in with <see cref="Password"/>.</summary>
    public Task<BrowserUser> CreateUserAsync(Guid tenantId, string firstName, string lastName, params string[] roles) =>
        WithServicesAsync(async services =>
        {
            var email = NewEmail(firstName);
            var user = await services.GetRequiredService<UserDirectory>().CreateUserAsync(
                tenantId, new NewUser(email, firstName, lastName, roles.Length == 0 ? [Roles.Admin] : roles), Password, TestContext.Current.CancellationToken);
            return new BrowserUser(user.Id, tenantId, email, user.DisplayName);
        });

    /// <summary>Runs arrangement code inside a tenant with every access restriction lifted (like a background job).</summary>
    public async Task InTenantAsync(Guid tenantId, Func<KontorDb, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(tenantId);
        scope.ServiceProvider.GetRequiredService<AccessScope>().Unrestrict();
        await work(scope.ServiceProvider.GetRequiredService<KontorDb>());
    }

    /// <summary>
    /// Puts <paramref name="text"/> in force as the tenant's next agreement version the way people do: the administrator
    /// proposes and approves it for the employer, the works-council member approves it for the council.
    /// </summary>
    public async Task PutAgreementInForceAsync(BrowserUser admin, BrowserUser council, string text)
    {
        var ct = TestContext.Current.CancellationToken;
        var proposed = await AsUserAsync(admin, (services, user) => ProposeAgreement.ExecuteAsync(
            new AgreementTextRequest { Text = text }, services.GetRequiredService<KontorDb>(), user, services.GetRequiredService<AuditTrail>(), ct));
        foreach (var (approver, party) in new[] { (admin, AgreementParty.Employer), (council, AgreementParty.WorksCouncil) })
        {
            await AsUserAsync(approver, (services, user) => ApproveAgreement.ExecuteAsync(
                proposed.Number, new AgreementDecisionRequest { Party = party }, services.GetRequiredService<KontorDb>(), user, services.GetRequiredService<AuditTrail>(), ct));
        }
    }

    /// <summary>Runs work signed in as a user, the way their web UI circuit would.</summary>
    public Task<T> AsUserAsync<T>(BrowserUser user, Func<IServiceProvider, CurrentUser, Task<T>> work) =>
        WithServicesAsync(async services =>
        {
            var principal = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(KontorClaims.Tenant, user.TenantId.ToString())], "Test"));
            Assert.True(await services.GetRequiredService<CurrentUserLoader>().LoadAsync(principal, Channel.Ui, TestContext.Current.CancellationToken));
            return await work(services, services.GetRequiredService<CurrentUser>());
        });

    /// <summary>Runs arrangement code with the app's services in a fresh scope.</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>A fresh page in a browser context of its own (no cookies), in English, at a laptop's size.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        lock (contexts)
        {
            contexts.Add(context);
        }

        // Transitions end at once, so an axe scan judges the colours a person reads, not a half-faded snackbar.
        await context.AddInitScriptAsync("""
            addEventListener('DOMContentLoaded', () => {
                const style = document.createElement('style');
                style.textContent = '*, *::before, *::after { transition-duration: 0s !important; transition-delay: 0s !important; animation-duration: 0s !important; animation-delay: 0s !important; }';
                document.head.appendChild(style);
            });
            """);

        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in form and returns the page on the home page, ready for clicks.</summary>
    public async Task<IPage> SignedInPageAsync(string email, string password = Password, int width = 1280, int height = 800)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync("signin");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(BaseAddress, "/").ToString());
        await WaitForInteractivityAsync(page);
        return page;
    }

    /// <summary>
    /// Waits until the Blazor circuit has taken over the prerendered page: a click before that is lost. The first
    /// interactive render batch attaches the event handlers and, in the same step, marks every captured element
    /// reference with a <c>_bl_…</c> attribute, which prerendered HTML never has; MudBlazor's layout captures some.
    /// </summary>
    public static async Task WaitForInteractivityAsync(IPage page) =>
        await page.WaitForFunctionAsync(
            "() => Array.from(document.querySelectorAll('body *')).some(e => e.getAttributeNames().some(n => n.startsWith('_bl_')))",
            null,
            new PageWaitForFunctionOptions { PollingInterval = 100, Timeout = 20_000 });

    /// <summary>Runs axe on the page as it is and fails on every violation of impact serious or critical.</summary>
    public static async Task AssertNoSeriousAxeViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        if (serious.Count == 0)
        {
            return;
        }

        var report = new StringBuilder();
        report.Append(System.Globalization.CultureInfo.InvariantCulture, $"{serious.Count} serious accessibility violation(s) on {page.Url}:");
        foreach (var violation in serious)
        {
            report.AppendLine().Append(System.Globalization.CultureInfo.InvariantCulture, $"- [{violation.Impact}] {violation.Id}: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes)
            {
                report.AppendLine().Append(System.Globalization.CultureInfo.InvariantCulture, $"    at {node.Target}: {Shorten(node.Html)}");
                foreach (var check in node.All.Concat(node.None).Concat(node.Any))
                {
                    report.AppendLine().Append("      ").Append(check.Message.ReplaceLineEndings(" "));
                }
            }
        }

        Assert.Fail(report.ToString());
    }

    /// <summary>A regular expression that matches the URL of a path of this app, ignoring any query string.</summary>
    public Regex UrlOf(string path) => new("^" + Regex.Escape(new Uri(BaseAddress, path).ToString()) + @"(\?.*)?$");

    private static string Shorten(string html) => html.Length <= 200 ? html : html[..200] + "…";
}

/// <summary>A user created for a browser test.</summary>
public sealed record BrowserUser(Guid Id, Guid TenantId, string Email, string DisplayName);
