using System.Globalization;
using System.Threading.RateLimiting;
using Kontor.Platform.Access;
using Kontor.Platform.Agreement;
using Kontor.Platform.Audit;
using Kontor.Platform.Bootstrap;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Identity.Profile;
using Kontor.Platform.Logging;
using Kontor.Platform.Records;
using Kontor.Platform.Retention;
using Kontor.Platform.Search;
using Kontor.Platform.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Compliance.Classification;
using MudBlazor.Services;
using Quartz;
using Scalar.AspNetCore;
using Serilog;

namespace Kontor.Platform.Hosting;

/// <summary>Limits of the sign-in endpoints; section <c>Kontor:RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Kontor:RateLimits";

    /// <summary>Sign-in and token requests per client address and minute, on top of the per-account lockout.</summary>
    public int SignInPerMinute { get; set; } = 30;
}

/// <summary>Wires the platform: logging, data, identity, access, HTTP conventions, jobs, health and OpenAPI.</summary>
internal static class KontorPlatform
{
    public const string SignInRateLimit = "sign-in";

    /// <summary>The address Kontor listens on when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> says otherwise.</summary>
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplicationBuilder AddKontorPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        if (string.IsNullOrEmpty(configuration["urls"]) && string.IsNullOrEmpty(configuration["http_ports"]) && string.IsNullOrEmpty(configuration["https_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Serves the static files of packages (MudBlazor) also when run with `dotnet run` outside Development.
        builder.WebHost.UseStaticWebAssets();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = HttpModule.MaxRequestBodyBytes);

        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(new LoggerConfiguration().ReadFrom.Configuration(configuration).CreateLogger(), dispose: true);
        builder.Logging.EnableRedaction();
        services.AddRedaction(redaction => redaction.SetRedactor<PersonalDataRedactor>(new DataClassificationSet(KontorTaxonomy.PersonalData)));

        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<TenantContext>();
        services.AddScoped<SystemScope>();
        services.AddScoped<AccessScope>();
        services.AddSingleton<RecordTargets>();
        services.AddKontorData(configuration, builder.Environment.ContentRootPath);
        services.AddKontorAudit();
        services.AddWorksAgreement();
        services.AddRetention(configuration);
        services.AddDataProtection().SetApplicationName("Kontor").PersistKeysToDbContext<KontorDb>();
        services.AddKontorIdentity();
        services.AddKontorHttp();
        services.AddLocalization();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(mud => mud.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
        services.AddOpenApi(options => options.AddDocumentTransformer<OpenApiDocumentInfo>().AddOperationTransformer<CamelCaseQueryParameters>());

        services.AddScoped<Bootstrapper>();
        services.AddSingleton(configuration.GetSection(BootstrapOptions.Section).Get<BootstrapOptions>() ?? new BootstrapOptions());
        var rateLimits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = rateLimits.SignInPerMinute, Window = TimeSpan.FromMinutes(1) }));
            limiter.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests.", Detail = "Wait for the time given in Retry-After and try again." },
                });
            };
        });

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddQuartz(quartz =>
        {
            quartz.ScheduleJob<IdempotencyCleanup>(
                trigger => trigger.WithIdentity("idempotency-cleanup").WithSchedule(CronScheduleBuilder.Create("0 15 * * * ?")),
                _ => { });
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return builder;
    }

    /// <summary>Migrates the database and creates the first tenant when there is none.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, CancellationToken ct = default)
    {
        await DataModule.MigrateAsync(app.Services, ct);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Bootstrapper>()
            .RunAsync(scope.ServiceProvider.GetRequiredService<BootstrapOptions>(), Console.Out, ct);
    }

    public static WebApplication UseKontorPlatform(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            await next(context);
        });
        app.UseRequestLocalization(KontorCultures.Options());
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapKontorPlatform(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/docs", options => options.WithTitle("Kontor API")).AllowAnonymous();
        app.MapAuthEndpoints();
        app.MapUiAuthEndpoints();
        app.MapProfileEndpoints();
        app.MapAuditLog();
        app.MapWorksAgreement();
        app.MapRetention();
        app.MapGlobalSearch();
        app.MapStaticAssets();
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
        return app;
    }
}
