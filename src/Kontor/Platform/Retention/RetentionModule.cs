using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Platform.Retention.Holds;
using Kontor.Platform.Retention.Rules;
using Kontor.Platform.Retention.Runs;
using Quartz;

namespace Kontor.Platform.Retention;

/// <summary>Retention (docs/retention.md): the daily job, its rules and statutory periods, the run reports and legal holds.</summary>
internal static class RetentionModule
{
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RetentionOptions.Section).Get<RetentionOptions>() ?? new RetentionOptions();
        try
        {
            _ = new CronExpression(options.Schedule);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{RetentionOptions.Section}:Schedule '{options.Schedule}' is not a valid Quartz cron expression (e.g. \"0 30 2 * * ?\" for 02:30 every night).");
        }

        services.AddSingleton(options);
        services.AddSingleton<RecordPurge>();
        services.AddSingleton<ProtectedRecords>();
        services.AddSingleton<RetentionRunner>();
        services.AddSingleton<IRetentionSource, RecycleBin>();
        services.AddScoped<RetentionJob>();
        services.AddQuartz(quartz => quartz.ScheduleJob<RetentionJob>(
            trigger => trigger.WithIdentity("retention").WithSchedule(CronScheduleBuilder.Create(options.Schedule)),
            _ => { }));
        return services;
    }

    public static IEndpointRouteBuilder MapRetention(this IEndpointRouteBuilder app)
    {
        var retention = app.MapGroup("/api/retention").WithTags("Retention").RequireAuthorization(KontorAuth.ApiPolicy);
        GetRetentionRules.Map(retention);
        UpdateRetentionRules.Map(retention);
        GetStatutoryPeriods.Map(retention);
        UpdateStatutoryPeriods.Map(retention);
        StartRetentionRun.Map(retention);
        ListRetentionRuns.Map(retention);
        GetRetentionRun.Map(retention);

        var holds = app.MapGroup("/api/legal-holds").WithTags("Legal holds").RequireAuthorization(KontorAuth.ApiPolicy);
        PlaceLegalHold.Map(holds);
        ListLegalHolds.Map(holds);
        ReleaseLegalHold.Map(holds);
        return app;
    }
}
