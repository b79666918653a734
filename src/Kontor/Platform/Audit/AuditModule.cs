using Kontor.Platform.Data;
using Kontor.Platform.Records;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kontor.Platform.Audit;

/// <summary>Field history and the hash-chained audit log (ADR 0012).</summary>
internal static class AuditModule
{
    /// <summary>Call after <see cref="DataModule.AddKontorData"/>: the audit interceptor must run after the one that stamps tenants and actors.</summary>
    public static IServiceCollection AddKontorAudit(this IServiceCollection services)
    {
        services.AddSingleton<IInterceptor, AuditInterceptor>();
        services.AddSingleton<IDatabaseObjects, AuditDatabaseObjects>();
        services.AddSingleton<AuditTrail>();
        services.AddScoped<IRecordMergeParticipant, FieldHistoryMergeParticipant>();
        return services;
    }
}
