using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Kontor.Features.Privacy.Consents;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Kontor.Tests.Infrastructure;

/// <summary>The app on a clock the tests move, with a mailer that keeps the consent messages instead of sending them.</summary>
public sealed class PrivacyAppFactory : KontorAppFactory
{
    // Whole seconds: PostgreSQL keeps microseconds, so a time with ticks would not come back equal.
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero));

    public CapturingConsentMailer Mailer { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);
        services.RemoveAll<IConsentMailer>();
        services.AddSingleton<IConsentMailer>(Mailer);
    }
}

/// <summary>Keeps every consent confirmation message, by recipient.</summary>
public sealed class CapturingConsentMailer : IConsentMailer
{
    private readonly ConcurrentQueue<ConsentConfirmationMessage> sent = new();

    public IReadOnlyList<ConsentConfirmationMessage> Sent => [.. sent];

    public Task SendConfirmationAsync(ConsentConfirmationMessage message, CancellationToken ct)
    {
        sent.Enqueue(message);
        return Task.CompletedTask;
    }

    /// <summary>The token of the newest message to <paramref name="to"/>.</summary>
    public string TokenFor(string to)
    {
        var message = sent.Last(m => m.To == to);
        return QueryHelpers.ParseQuery(message.Link.Query)["token"].ToString();
    }
}

/// <summary>Calls of the privacy API.</summary>
public static class PrivacyApi
{
    public static Task<JsonElement> CreatePrivacyRequestAsync(this HttpClient admin, string subjectType, Guid subjectId, string kind, DateTimeOffset? receivedAt = null) =>
        admin.PostJsonAsync("/api/privacy/requests", new { subjectType, subjectId, kind, channel = "Email", receivedAt }).ExpectAsync(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> EraseAsync(this HttpClient admin, Guid requestId) =>
        admin.PostAsync($"/api/privacy/requests/{requestId}/erase", null, Api.Ct);

    public static async Task<JsonElement> ExportJsonAsync(this HttpClient admin, string subjectType, Guid subjectId) =>
        await admin.FetchAsync($"/api/privacy/subjects/{subjectType}/{subjectId}/export").ExpectAsync(HttpStatusCode.OK);

    public static async Task<string> ExportCsvAsync(this HttpClient admin, string subjectType, Guid subjectId)
    {
        var response = await admin.FetchAsync($"/api/privacy/subjects/{subjectType}/{subjectId}/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Api.Ct);
    }

    /// <summary>Every value of every field of a section of a JSON export.</summary>
    public static IEnumerable<(string Field, string? Value)> Fields(this JsonElement export, string section) =>
        export.GetProperty("sections").EnumerateArray()
            .Where(s => s.Str("name") == section)
            .SelectMany(s => s.GetProperty("records").EnumerateArray())
            .SelectMany(r => r.GetProperty("fields").EnumerateObject().Select(f => (f.Name, f.Value.ValueKind == JsonValueKind.Null ? null : f.Value.GetString())));

    public static IReadOnlyList<JsonElement> Records(this JsonElement export, string section) =>
        [.. export.GetProperty("sections").EnumerateArray().Where(s => s.Str("name") == section).SelectMany(s => s.GetProperty("records").EnumerateArray())];
}
