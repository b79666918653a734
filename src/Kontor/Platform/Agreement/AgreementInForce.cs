using System.Collections.Concurrent;
using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Agreement;

/// <summary>The agreement that applies to a tenant now: the number of the version in force and its document, or no number and the strict default.</summary>
public sealed record AgreementInEffect(int? Version, AgreementDocument Document);

/// <summary>
/// Finds the agreement in force for the context's tenant. Each call asks the database which version is in force
/// (one read of the filtered unique index), so an approval on another node applies at once; the parsed documents
/// are kept per tenant and version, since a version's text never changes.
/// </summary>
public sealed class AgreementInForce
{
    private readonly ConcurrentDictionary<(Guid Tenant, int Number), AgreementDocument> documents = new();

    public async Task<AgreementInEffect> GetAsync(KontorDb db, CancellationToken ct)
    {
        var current = await db.AgreementVersions.AsNoTracking()
            .Where(v => v.Status == AgreementStatus.InForce)
            .Select(v => new { v.TenantId, v.Number })
            .SingleOrDefaultAsync(ct);
        if (current is null)
        {
            return new AgreementInEffect(null, AgreementDefaults.Document);
        }

        if (!documents.TryGetValue((current.TenantId, current.Number), out var document))
        {
            var text = await db.AgreementVersions.AsNoTracking()
                .Where(v => v.TenantId == current.TenantId && v.Number == current.Number)
                .Select(v => v.Text)
                .SingleAsync(ct);

            // Only valid documents are ever proposed; should a stored text no longer parse after an upgrade, the
            // strict default protects the employees until the parties approve a corrected version.
            document = AgreementParser.Parse(text).Document ?? AgreementDefaults.Document;
            documents[(current.TenantId, current.Number)] = document;
        }

        return new AgreementInEffect(current.Number, document);
    }
}
