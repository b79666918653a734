using Kontor.Platform.Agreement;
using Kontor.Platform.Agreement.Versions;
using Kontor.Platform.Audit;
using Kontor.Platform.Identity;

namespace Kontor.Features.Demo;

/// <summary>
/// The demo tenant's works agreement, put in force the way a company does it: the administrator proposes it and
/// approves it for the employer, the works-council member approves it for the council. Under it the team lead sees
/// the field reps' figures after declaring a purpose, and teams smaller than three show "fewer than 3".
/// </summary>
internal static class DemoAgreement
{
    private const string Text = """
        agreement: "BV CRM Kontor Demo GmbH"
        version: 1
        purposes:
          - key: team-steering
            description: "Kapazität und Qualität eines Teams steuern"
          - key: own-performance
            description: "Die eigenen Zahlen ansehen"
          - key: data-security
            description: "Identitäten prüfen, Zugriffe nachvollziehen"
        categories:
          - key: revenue-per-owner
            purposes: [team-steering, own-performance]
            individual: [self, direct-manager]
            min-group-size: 3
            retention: P2Y
          - key: pipeline-per-owner
            purposes: [team-steering, own-performance]
            individual: [self, direct-manager]
            min-group-size: 3
            retention: P1Y
          - key: target-attainment
            purposes: [team-steering, own-performance]
            individual: [self, direct-manager]
            min-group-size: 3
            retention: P2Y
          - key: login-history
            purposes: [data-security]
            individual: [self, Admin]
            retention: P90D
          - key: change-history
            purposes: [data-security]
            individual: [self, Admin]
            retention: P1Y
          - key: access-log
            purposes: [data-security]
            individual: [self, WorksCouncil]
            retention: P2Y
        rules:
          manager-visibility: direct-reports
          rankings: forbidden
          individual-access-needs-purpose: true
        approval: [employer, works-council]
        """;

    public static async Task AddAsync(IServiceProvider services, Guid tenantId, IReadOnlyDictionary<string, KontorUser> users, CancellationToken ct)
    {
        var admin = users["admin@demo.kontor"].Id;
        var council = users["council@demo.kontor"].Id;
        await DemoSales.AsAsync(services, tenantId, admin, async (scope, user, db) =>
        {
            var audit = scope.GetRequiredService<AuditTrail>();
            var version = await ProposeAgreement.ExecuteAsync(
                new AgreementTextRequest { Text = Text, Comment = "Erste Fassung, mit dem Betriebsrat abgestimmt" }, db, user, audit, ct);
            await ApproveAgreement.ExecuteAsync(version.Number, new AgreementDecisionRequest { Party = AgreementParty.Employer }, db, user, audit, ct);
        }, ct);
        await DemoSales.AsAsync(services, tenantId, council, (scope, user, db) =>
            ApproveAgreement.ExecuteAsync(1, new AgreementDecisionRequest { Party = AgreementParty.WorksCouncil }, db, user, scope.GetRequiredService<AuditTrail>(), ct), ct);
    }
}
