using System.Net;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Platform.Logging;

/// <summary>E-mail addresses and other personal data never reach the log in clear.</summary>
public sealed class LogRedactionTests(LogCaptureAppFactory app) : IClassFixture<LogCaptureAppFactory>
{
    [Fact]
    public async Task FailedLogin_WritesALogLineWithoutTheEmailAddress()
    {
        var user = await app.CreateTenantWithUserAsync("Acme");
        var before = app.Log.Entries.Count;

        await app.CreateClient().PostJsonAsync("/api/auth/login", new { email = user.Email, password = "wrong password 123" }).ProblemAsync(HttpStatusCode.Unauthorized);

        var failed = Assert.Single(app.Log.Entries.Skip(before), e => e.Message.StartsWith("Failed sign-in", StringComparison.Ordinal) && e.Message.Contains("wrong password", StringComparison.Ordinal));
        Assert.Contains("[redacted]", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Email, failed.AllText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task LoginWithUnknownEmail_WritesALogLineWithoutTheEmailAddress()
    {
        var email = app.NewEmail("stranger");
        var before = app.Log.Entries.Count;

        await app.CreateClient().PostJsonAsync("/api/auth/login", new { email, password = "wrong password 123" }).ProblemAsync(HttpStatusCode.Unauthorized);

        var failed = Assert.Single(app.Log.Entries.Skip(before), e => e.Message.StartsWith("Failed sign-in", StringComparison.Ordinal) && e.Message.Contains("unknown", StringComparison.Ordinal));
        Assert.Contains("[redacted]", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(email, failed.AllText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnyRequest_NeverLogsAnEmailAddressInClear()
    {
        var user = await app.CreateTenantWithUserAsync("Acme");
        await app.CreateClient().PostJsonAsync("/api/auth/login", new { email = user.Email, password = "wrong password 123" });
        await user.Client.CreateAccountAsync(new { name = "Logged customer", email = "customer@example.com" });

        Assert.Contains(app.Log.Entries, e => e.Message.StartsWith("User ", StringComparison.Ordinal) && e.Message.Contains("signed in via api", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Log.Entries, e => e.AllText.Contains(user.Email, StringComparison.OrdinalIgnoreCase));
    }
}
