using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontor.Platform.Retention;
using Kontor.Platform.Retention.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Kontor.Tests.Infrastructure;

/// <summary>Retention runs, rules and legal holds through the API, and the daily job as the scheduler runs it.</summary>
public static class RetentionApi
{
    /// <summary>Runs the daily retention job for every tenant now, as the scheduler does.</summary>
    public static Task<IReadOnlyList<RetentionRun>> RunRetentionJobAsync(this KontorAppFactory app) =>
        app.WithServicesAsync(services => services.GetRequiredService<RetentionJob>().RunAllAsync(Api.Ct));

    public static Task<JsonElement> SetRetentionRulesAsync(this HttpClient admin, object rules) =>
        admin.PutAsJsonAsync("/api/retention/rules", rules, Api.Ct).ExpectAsync(HttpStatusCode.OK);

    public static Task<JsonElement> RunRetentionAsync(this HttpClient admin, bool dryRun) =>
        admin.PostJsonAsync("/api/retention/runs", new { dryRun }).ExpectAsync(HttpStatusCode.Created);

    /// <summary>The report of one source of a run.</summary>
    public static JsonElement SourceReport(this JsonElement run, string source) =>
        run.GetProperty("sources").EnumerateArray().Single(s => s.Str("source") == source);

    /// <summary>The ids of the rows a source listed in a run's report.</summary>
    public static List<Guid> ItemIds(this JsonElement run, string source) =>
        [.. run.SourceReport(source).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("recordId").GetGuid())];

    public static Task<JsonElement> PlaceHoldAsync(this HttpClient admin, string recordType, Guid recordId, string reason = "Case 4711") =>
        admin.PostJsonAsync("/api/legal-holds", new { recordType, recordId, reason }).ExpectAsync(HttpStatusCode.Created);
}

/// <summary>A retention source the tests control: it can fail, or wait inside a run until released.</summary>
public sealed class ProbeRetentionSource : IRetentionSource
{
    public string Key => "probe";

    /// <summary>When set, the source throws.</summary>
    public bool Fail { get; set; }

    /// <summary>When set, the source waits for it inside runs of <see cref="GateTenant"/>; <see cref="Entered"/> tells it is waiting.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public Guid? GateTenant { get; set; }

    public TaskCompletionSource Entered { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Reset()
    {
        Fail = false;
        Gate = null;
        GateTenant = null;
        Entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public async Task<RetentionOutcome> ApplyAsync(RetentionContext context, CancellationToken ct)
    {
        if (Gate is { } gate && context.Db.Tenant.TenantId == GateTenant)
        {
            Entered.TrySetResult();
            await gate.Task.WaitAsync(ct);
        }

        return Fail ? throw new InvalidOperationException("The probe source failed on purpose.") : new RetentionOutcome(Key, 0, 0, 0, []);
    }
}

/// <summary>
/// The app on a fake clock with a <see cref="ProbeRetentionSource"/> that runs before every other source. The scheduler
/// runs on the same clock and would start the nightly run after a jump; here it is scheduled for 2099, so the tests
/// decide when retention runs.
/// </summary>
public sealed class RetentionAppFactory : KontorAppFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => FakeClockAppFactory.RetentionNeverScheduled;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public ProbeRetentionSource Probe { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);
        var sources = services.Where(d => d.ServiceType == typeof(IRetentionSource)).ToList();
        foreach (var source in sources)
        {
            services.Remove(source);
        }

        services.AddSingleton<IRetentionSource>(Probe);
        foreach (var source in sources)
        {
            services.Add(source);
        }
    }
}
