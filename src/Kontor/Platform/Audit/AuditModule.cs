using Kontor.Platform.Audit.AuditLog;
using Kontor.Platform.Audit.Redaction;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Kontor.Platform.Retention;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kontor.Platform.Audit;

/// <summary>Field history and the hash-chained audit log (ADR 0012), with its API and page for administrators.</summary>
internal static class AuditModule
{
    /// <summary>Call after <see cref="DataModule.AddKontorData"/>: the audit interceptor must run after the one that stamps tenants and actors.</summary>
    public static IServiceCollection AddKontorAudit(this IServiceCollection services)
    {
        services.AddSingleton<IInterceptor, AuditInterceptor>();
        services.AddSingleton<IDatabaseObjects, AuditDatabaseObjects>();
        services.AddSingleton<AuditTrail>();
        services.AddScoped<IRecordMergeParticipant, FieldHistoryMergeParticipant>();
        services.AddSingleton<IRetentionSource, LoginHistoryRetention>();
        services.AddSingleton<IRetentionSource, AccessLogRetention>();
        services.AddSingleton<IRetentionSource, ChangeHistoryRetention>();
        return services;
    }

    /// <summary>The administrators' API of the audit log; its page lives in <c>AuditLog/Pages</c>.</summary>
    public static IEndpointRouteBuilder MapAuditLog(this IEndpointRouteBuilder app)
    {
        var auditLog = app.MapGroup("/api/audit-log").WithTags("Audit log").RequireAuthorization(KontorAuth.ApiPolicy);
        ListAuditLog.Map(auditLog);
        VerifyAuditChain.Map(auditLog);
        return app;
    }
}
