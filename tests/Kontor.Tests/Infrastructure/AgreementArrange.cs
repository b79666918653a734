using Kontor.Platform.Agreement;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Tests.Infrastructure;

/// <summary>Puts a works agreement in force directly, for tests of features that read employee data through the gate.</summary>
public static class AgreementArrange
{
    /// <summary>
    /// Team leads, administrators and every manager above a person see the person's employee data of every category
    /// without declaring a purpose, groups of two may be described, and figures of any past period stay readable (30
    /// years): what tests of features written before the gate assume.
    /// </summary>
    public const string Permissive = """
        agreement: "Permissive"
        version: 1
        purposes:
          - key: team-steering
        categories:
          - key: revenue-per-owner
            purposes: [team-steering]
            individual: [self, direct-manager, TeamLead, Admin]
            min-group-size: 2
            retention: P30Y
          - key: pipeline-per-owner
            purposes: [team-steering]
            individual: [self, direct-manager, TeamLead, Admin]
            min-group-size: 2
            retention: P30Y
          - key: target-attainment
            purposes: [team-steering]
            individual: [self, direct-manager, TeamLead, Admin]
            min-group-size: 2
            retention: P30Y
          - key: activity-counts
            purposes: [team-steering]
            individual: [self, direct-manager, TeamLead, Admin]
            min-group-size: 2
            retention: P30Y
          - key: login-history
            purposes: [team-steering]
            individual: [self, direct-manager, TeamLead, Admin]
            min-group-size: 2
            retention: P30Y
          - key: change-history
            purposes: [team-steering]
            individual: [self, direct-manager, TeamLead, Admin]
            min-group-size: 2
            retention: P30Y
          - key: access-log
            purposes: [team-steering]
            individual: [self, direct-manager, TeamLead, Admin]
            min-group-size: 2
            retention: P30Y
        rules:
          manager-visibility: all-levels
          rankings: allowed
          individual-access-needs-purpose: false
        approval: [employer, works-council]
        """;

    /// <summary>Version 1 of <paramref name="text"/> in force in the tenant, as if both parties had approved it (by <paramref name="approver"/>).</summary>
    public static Task PutAgreementInForceAsync(this KontorAppFactory app, Guid tenantId, Guid approver, string text = Permissive) =>
        app.InTenantAsync(tenantId, async db =>
        {
            var document = AgreementParser.Parse(text).Document ?? throw new InvalidOperationException("The test agreement does not parse.");
            var version = new AgreementVersion(document.Version ?? 1, document.Name, text, null, approver, DateTimeOffset.UtcNow);
            db.AgreementVersions.Add(version);
            await db.SaveChangesAsync(Api.Ct);
            await db.AgreementVersions.Where(v => v.Id == version.Id).ExecuteUpdateAsync(
                s => s.SetProperty(v => v.Status, AgreementStatus.InForce).SetProperty(v => v.InForceFrom, DateTimeOffset.UtcNow), Api.Ct);
        });
}
