using System.Globalization;
using Kontor.Platform.Access;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Kontor.Platform.Validation;
using Kontor.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kontor.Features.Privacy.Consents;

/// <summary>Body of <c>POST /api/contacts/{id}/consents</c>; also the form of the record-consent dialog.</summary>
public sealed class RecordConsentRequest
{
    /// <summary><c>email-marketing</c>, <c>phone-marketing</c> or a configured purpose.</summary>
    [Mandatory]
    [MaxChars(Consent.MaxPurposeLength)]
    public string? Purpose { get; set; }

    /// <summary>Art. 6(1): consent (a) by default.</summary>
    public LegalBasis? LegalBasis { get; set; }

    /// <summary>Where the consent came from; the channel of the call (UI or API) when absent.</summary>
    public ConsentSource? Source { get; set; }
}

/// <summary>What the callers of the consent slices need besides the database: purposes, mailer, clock, settings.</summary>
internal sealed record ConsentServices(ConsentPurposes Purposes, IConsentMailer Mailer, AuditTrail Audit, TimeProvider Clock, IOptions<PrivacyOptions> Options);

internal static class RecordConsent
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/consents", async Task<Results<Created<ConsentResponse>, NotFound>> (
                Guid id, RecordConsentRequest request, KontorDb db, CurrentUser user, AccessScope access, ConsentServices services, HttpRequest http, CancellationToken ct) =>
            {
                var recorded = await ExecuteAsync(id, request, db, user, access, services, $"{http.Scheme}://{http.Host}{http.PathBase}", ct);
                return recorded is null ? TypedResults.NotFound() : TypedResults.Created($"/api/contacts/{id}/consents", recorded);
            })
            .WithName(nameof(RecordConsent))
            .WithSummary("Record a consent (or other legal basis) of a contact for a purpose")
            .WithDescription("For e-mail marketing on the basis of consent the contact gets a confirmation message (double opt-in); the consent is 'requested' until they confirm. Needs edit permission on the contact. 409 when the purpose is already granted or the contact has no e-mail address.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>Shared by the endpoint and the contact page; null when the contact is not visible.</summary>
    public static async Task<ConsentResponse?> ExecuteAsync(
        Guid contactId, RecordConsentRequest request, KontorDb db, CurrentUser user, AccessScope access, ConsentServices services, string requestBaseUrl, CancellationToken ct)
    {
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null)
        {
            return null;
        }

        access.RequireChange(contact, ObjectPermissions.Edit);
        RequestValidator.ThrowIfInvalid(request);
        var purpose = request.Purpose!.Trim().ToLowerInvariant();
        if (!services.Purposes.IsKnown(purpose))
        {
            throw RequestValidationException.For("purpose", PrivacyText.Format("Unknown purpose. Known purposes: {0}.", string.Join(", ", services.Purposes.All)));
        }

        var basis = request.LegalBasis ?? LegalBasis.Consent;
        var source = request.Source ?? (user.Channel == Channel.Ui ? ConsentSource.Ui : ConsentSource.Api);
        var now = services.Clock.GetUtcNow();
        var current = await CurrentAsync(db, contactId, purpose, ct);
        if (current?.Status == ConsentStatus.Granted)
        {
            throw new BusinessRuleException(PrivacyText.Message("This purpose is already granted. Withdraw it first to record it anew."));
        }

        Consent consent;
        string? token = null;
        if (ConsentPurposes.NeedsDoubleOptIn(purpose, basis))
        {
            if (string.IsNullOrEmpty(contact.Email))
            {
                throw new BusinessRuleException(PrivacyText.Message("The contact has no e-mail address to confirm the consent with."));
            }

            // A second request while the first waits sends a new link; the old one stops working.
            consent = current ?? new Consent(contactId, purpose, basis, source, user.ActorId, now);
            token = ConsentTokens.New(db.Tenant.TenantId!.Value);
            consent.AwaitConfirmation(contact.Email, ConsentTokens.Hash(token), now + services.Options.Value.ConfirmationLinkLifetime);
        }
        else
        {
            current?.Withdraw(user.ActorId, source, now);
            consent = new Consent(contactId, purpose, basis, source, user.ActorId, now);
        }

        if (consent != current)
        {
            db.Add(consent);
        }

        services.Audit.Record(db, AuditAction.Create, new RecordRef(PrivacyAudit.ConsentType, consent.Id), new
        {
            contactId,
            purpose,
            legalBasis = basis.ToString(),
            status = consent.Status.ToString(),
        });
        await db.SaveChangesAsync(ct);

        if (token is not null)
        {
            var baseUrl = (services.Options.Value.PublicUrl ?? requestBaseUrl).TrimEnd('/');
            var link = new Uri($"{baseUrl}/consent/confirm?token={token}");
            var culture = CultureInfo.GetCultureInfo(contact.PreferredLanguage == "de" ? "de-DE" : "en-GB");
            try
            {
                await services.Mailer.SendConfirmationAsync(
                    new ConsentConfirmationMessage(contact.Email!, $"{contact.FirstName} {contact.LastName}".Trim(), purpose, link, consent.TokenExpiresAt!.Value, culture), ct);
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.CommandException or MimeKit.ParseException or FormatException or InvalidOperationException)
            {
                throw new BusinessRuleException(PrivacyText.Message("The consent is recorded, but the confirmation message could not be sent. Record it again later to send a new link."));
            }
        }

        return (await ConsentResponse.ListAsync(db, contactId, ct)).First(c => c.Id == consent.Id);
    }

    /// <summary>The newest consent of the contact for the purpose unless it was withdrawn.</summary>
    internal static async Task<Consent?> CurrentAsync(KontorDb db, Guid contactId, string purpose, CancellationToken ct)
    {
        var rows = await db.Set<Consent>().Where(c => c.ContactId == contactId && c.Purpose == purpose && c.Status != ConsentStatus.Withdrawn).ToListAsync(ct);
        return rows.OrderByDescending(c => c.RecordedAt).FirstOrDefault();
    }
}
