using Kontor.Platform.Access;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Records;
using Kontor.Platform.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Privacy.Consents;

/// <summary>What became of a confirmation link.</summary>
public enum ConfirmationOutcome
{
    Confirmed,

    /// <summary>No consent waits for this token (mistyped, or from another installation).</summary>
    Unknown,

    /// <summary>The link's time ran out; the contact must be asked again.</summary>
    Expired,

    /// <summary>The link was used already, or the consent was withdrawn or renewed since.</summary>
    Used,
}

/// <summary>Body of <c>POST /api/consent/confirm</c>.</summary>
public sealed class ConfirmConsentRequest
{
    public string? Token { get; set; }
}

/// <summary>The anonymous end of the double opt-in: the person opens the link and confirms.</summary>
internal static class ConfirmConsent
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/consent/confirm", async Task<Results<Ok<ConfirmationResult>, ProblemHttpResult>> (
                ConfirmConsentRequest request, IServiceScopeFactory scopes, CancellationToken ct) =>
            {
                var outcome = await ExecuteAsync(request.Token, scopes, ct);
                return outcome switch
                {
                    ConfirmationOutcome.Confirmed => TypedResults.Ok(new ConfirmationResult(outcome)),
                    ConfirmationOutcome.Expired => TypedResults.Problem(title: Resources.PrivacyText.Message("The confirmation link has expired."), statusCode: StatusCodes.Status410Gone),
                    ConfirmationOutcome.Used => TypedResults.Problem(title: Resources.PrivacyText.Message("The confirmation link was used already or is no longer valid."), statusCode: StatusCodes.Status409Conflict),
                    ConfirmationOutcome.Unknown => TypedResults.Problem(title: Resources.PrivacyText.Message("There is no consent waiting for this link."), statusCode: StatusCodes.Status404NotFound),
                    _ => throw new InvalidOperationException($"Unexpected outcome {outcome}."),
                };
            })
            .AllowAnonymous()
            .WithTags("Consents")
            .WithName(nameof(ConfirmConsent))
            .WithSummary("Confirm an e-mail consent with the token of the double opt-in link")
            .WithDescription("Anonymous. 404 for an unknown token, 410 when it has expired, 409 when it was used already.");

    /// <summary>Shared by the endpoint and the confirmation page.</summary>
    public static async Task<ConfirmationOutcome> ExecuteAsync(string? token, IServiceScopeFactory scopes, CancellationToken ct)
    {
        if (ConsentTokens.TenantOf(token) is not { } tenantId)
        {
            return ConfirmationOutcome.Unknown;
        }

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<TenantContext>().Use(tenantId);
        services.GetRequiredService<AccessScope>().Unrestrict();
        var db = services.GetRequiredService<KontorDb>();
        var hash = ConsentTokens.Hash(token!);
        var consent = await db.Set<Consent>().SingleOrDefaultAsync(c => c.TokenHash == hash, ct);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (consent is null)
        {
            return ConfirmationOutcome.Unknown;
        }

        if (consent.Status != ConsentStatus.Requested || consent.TokenExpiresAt is null)
        {
            return ConfirmationOutcome.Used;
        }

        if (consent.TokenExpiresAt <= now)
        {
            return ConfirmationOutcome.Expired;
        }

        consent.Confirm(now);
        services.GetRequiredService<AuditTrail>().Record(db, AuditAction.Approve, new RecordRef(PrivacyAudit.ConsentType, consent.Id), new { contactId = consent.ContactId, purpose = consent.Purpose, doubleOptIn = true });
        await db.SaveChangesAsync(ct);
        return ConfirmationOutcome.Confirmed;
    }
}

/// <summary>The answer to a successful confirmation.</summary>
public sealed record ConfirmationResult(ConfirmationOutcome Outcome);
