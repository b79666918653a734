using System.Text.RegularExpressions;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Agreement.Versions;

internal static partial class ProposeAgreement
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/versions", async Task<Created<AgreementVersionResponse>> (AgreementTextRequest request, KontorDb db, CurrentUser user, AuditTrail audit, CancellationToken ct) =>
            {
                var created = await ExecuteAsync(request, db, user, audit, ct);
                return TypedResults.Created($"/api/works-agreement/versions/{created.Number}", created);
            })
            .WithName(nameof(ProposeAgreement))
            .WithSummary("Propose a new version of the works agreement")
            .WithDescription("Administrators only. The document is checked completely; errors come back as 400 under \"text\", each with its line and column. " +
                "The version takes effect when an administrator and a member of the works council (two different people) have approved it; one proposal may be open at a time (409 otherwise).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

    public static async Task<AgreementVersionResponse> ExecuteAsync(AgreementTextRequest request, KontorDb db, CurrentUser user, AuditTrail audit, CancellationToken ct)
    {
        AgreementAccess.RequireProposer(user);
        RequestValidator.ThrowIfInvalid(request);
        var text = request.Text!;
        var parsed = AgreementParser.Parse(text);
        if (parsed.Document is not { } document)
        {
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                ["text"] = [.. parsed.Problems.Select(p => AgreementMessages.Format("Line {0}, column {1}: {2}", p.Line, p.Column, p.Message))],
            });
        }

        if (await db.AgreementVersions.AsNoTracking().Where(v => v.Status == AgreementStatus.Proposed).Select(v => (int?)v.Number).FirstOrDefaultAsync(ct) is { } open)
        {
            throw new BusinessRuleException(AgreementMessages.Format("Version {0} is waiting for approval. Withdraw it before proposing another.", open));
        }

        var inForce = await db.AgreementVersions.AsNoTracking().Where(v => v.Status == AgreementStatus.InForce).Select(v => v.Text).FirstOrDefaultAsync(ct);
        if (string.Equals(inForce ?? AgreementDefaults.Text, text, StringComparison.Ordinal))
        {
            throw new BusinessRuleException(AgreementMessages.Get("The document is the same as the one in force; there is nothing to approve."));
        }

        var number = (await db.AgreementVersions.MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
        if (document.Version is { } declared && declared != number)
        {
            var line = text.Split('\n').Select((l, i) => (l, i)).FirstOrDefault(x => VersionLine().IsMatch(x.l)).i + 1;
            throw RequestValidationException.For("text", AgreementMessages.Format(
                "Line {0}, column {1}: {2}", line, 1, AgreementMessages.Format("The document says version {0}, but this proposal becomes version {1}. Correct the version or leave it out.", declared, number)));
        }

        var version = new AgreementVersion(number, document.Name, text, request.Comment, user.Id, db.Clock.GetUtcNow());
        db.AgreementVersions.Add(version);
        audit.Record(db, AuditAction.Propose, AgreementModule.AuditRecordType, new { version = number });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // Another administrator proposed at the same moment; the filtered unique index let only one through.
            throw new BusinessRuleException(AgreementMessages.Get("Another version was proposed at the same time. Reload and look at it first."));
        }

        return (await GetAgreementVersion.ExecuteAsync(number, db, user, ct))!;
    }

    [GeneratedRegex(@"^version\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex VersionLine();
}
