using Kontor.Features.Customers.Contacts;
using Kontor.Features.Customers.Segments;
using Kontor.Features.Customers.Shared;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Kontor.Resources;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Leads;

/// <summary>
/// A lead as clients send it: the body of <c>POST /api/leads</c>, the result of applying a <c>PATCH</c> to the
/// stored lead, and the model of the lead form.
/// </summary>
public sealed class LeadRequest
{
    public Salutation Salutation { get; set; }

    [MaxChars(100)]
    public string? FirstName { get; set; }

    [Mandatory, MaxChars(100)]
    public string LastName { get; set; } = "";

    [MaxChars(200)]
    public string? Company { get; set; }

    /// <summary>The person's job title.</summary>
    [MaxChars(150)]
    public string? Title { get; set; }

    [MaxChars(254), Email]
    public string? Email { get; set; }

    [MaxChars(40), PhoneNumber]
    public string? Phone { get; set; }

    /// <summary>Never null: <c>null</c> in a request (or a merge patch) clears the whole address.</summary>
    public AddressRequest Address { get; set => field = value ?? new(); } = new();

    /// <summary>Where the lead came from, e.g. "Trade fair", "Web form".</summary>
    [MaxChars(100)]
    public string? Source { get; set; }

    [MaxChars(100)]
    public string? Campaign { get; set; }

    [MaxChars(100)]
    public string? Segment { get; set; }

    /// <summary>New, Working, Qualified or Disqualified (Converted only by converting).</summary>
    public LeadStatus Status { get; set; }

    /// <summary>Required when the status is Disqualified.</summary>
    [MaxChars(500)]
    public string? DisqualificationReason { get; set; }

    public LeadRating? Rating { get; set; }

    /// <summary>The person working the lead. Left out on create: the tenant's assignment rules decide (unmatched leads wait in the queue). Null on update: back to the queue.</summary>
    public Guid? OwnerId { get; set; }

    /// <summary>The sales team whose members see the lead.</summary>
    public Guid? TeamId { get; set; }

    [MaxChars(4000)]
    public string? Description { get; set; }

    /// <summary>The lead's key in another system (an old CRM, a trade-fair list); unique per tenant.</summary>
    [MaxChars(100)]
    public string? ExternalId { get; set; }

    public static LeadRequest From(Lead lead) => new()
    {
        Salutation = lead.Salutation,
        FirstName = lead.FirstName,
        LastName = lead.LastName,
        Company = lead.Company,
        Title = lead.Title,
        Email = lead.Email,
        Phone = lead.Phone,
        Address = AddressRequest.From(lead.Address),
        Source = lead.Source,
        Campaign = lead.Campaign,
        Segment = lead.Segment,
        Status = lead.Status,
        DisqualificationReason = lead.DisqualificationReason,
        Rating = lead.Rating,
        OwnerId = lead.OwnerId,
        TeamId = lead.TeamId,
        Description = lead.Description,
        ExternalId = lead.ExternalId,
    };

    /// <summary>
    /// Validates, checks references and normalises; throws listing every problem at once. <paramref name="stored"/>
    /// is the lead being changed, null when one is created. An import passes what it has looked up for its whole
    /// batch in <paramref name="known"/>.
    /// </summary>
    internal async Task<LeadFields> ResolveAsync(Lead? stored, KontorDb db, CurrentUser user, CancellationToken ct, string? defaultCountry = null, KnownReferences? known = null)
    {
        var errors = new FieldErrors(RequestValidator.Validate(this));
        var address = Address.ToAddress();
        var phone = errors.Phone("phone", Phone, address.Country ?? defaultCountry ?? user.DefaultCountry);
        await LeadReferences.OwnerAsync(db, OwnerId, stored?.OwnerId, errors, "ownerId", ct);
        await References.TeamAsync(db, TeamId, stored?.TeamId, errors, "teamId", ct);
        var externalId = Normalize.Text(ExternalId);
        if (externalId is not null && externalId != stored?.ExternalId && known?.FreeExternalIds.Contains(externalId) != true
            && await db.Leads.IgnoreQueryFilters([KontorDb.Filters.RecycleBin, KontorDb.Filters.RecordAccess]).AnyAsync(l => l.ExternalId == externalId, ct))
        {
            errors.Add("externalId", ValidationMessages.ExternalIdTaken);
        }

        if (!Enum.IsDefined(Status))
        {
            errors.Add("status", ValidationMessages.Mandatory);
        }
        else if (Status == LeadStatus.Converted && stored?.Status != LeadStatus.Converted)
        {
            errors.Add("status", LeadsText.Message("A lead becomes converted only by converting it."));
        }

        if (Status == LeadStatus.Disqualified && Normalize.Text(DisqualificationReason) is null)
        {
            errors.Add("disqualificationReason", LeadsText.Message("Say why the lead is disqualified."));
        }

        errors.ThrowIfAny();
        var segment = await SegmentTeams.SpellAsync(db, Normalize.Text(Segment), known, ct);
        return new LeadFields(
            Salutation,
            Normalize.Text(FirstName),
            LastName.Trim(),
            Normalize.Text(Company),
            Normalize.Text(Title),
            Normalize.Email(Email),
            phone,
            address,
            Normalize.Text(Source),
            Normalize.Text(Campaign),
            segment,
            Status,
            Status == LeadStatus.Disqualified ? Normalize.Text(DisqualificationReason) : null,
            Rating,
            OwnerId,
            TeamId,
            Normalize.Text(Description),
            externalId);
    }
}

/// <summary>Checks the users a lead refers to.</summary>
internal static class LeadReferences
{
    /// <summary>An owner must be an active user of the tenant unless it is unchanged; no owner means the queue.</summary>
    public static async Task OwnerAsync(KontorDb db, Guid? requested, Guid? stored, FieldErrors errors, string field, CancellationToken ct)
    {
        if (requested is not null && requested != stored
            && !await db.Users.AnyAsync(u => u.Id == requested && u.IsActive, ct))
        {
            errors.Add(field, ValidationMessages.UnknownUser);
        }
    }
}
