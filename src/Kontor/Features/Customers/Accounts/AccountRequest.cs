using Kontor.Features.Customers.Segments;
using Kontor.Features.Customers.Shared;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Kontor.Resources;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Customers.Accounts;

/// <summary>
/// An account as clients send it: the body of <c>POST /api/accounts</c>, the result of applying a
/// <c>PATCH</c> to the stored account, and the model of the account form.
/// </summary>
public sealed class AccountRequest
{
    [Mandatory, MaxChars(200)]
    public string Name { get; set; } = "";

    [MaxChars(100)]
    public string? Industry { get; set; }

    [MaxChars(100)]
    public string? Segment { get; set; }

    [MaxChars(20), VatId]
    public string? VatId { get; set; }

    [MaxChars(300), WebAddress]
    public string? Website { get; set; }

    [MaxChars(40), PhoneNumber]
    public string? Phone { get; set; }

    [MaxChars(254), Email]
    public string? Email { get; set; }

    /// <summary>Never null: <c>null</c> in a request (or a merge patch) clears the whole address.</summary>
    public AddressRequest BillingAddress { get; set => field = value ?? new(); } = new();

    /// <summary>Never null: <c>null</c> in a request (or a merge patch) clears the whole address.</summary>
    public AddressRequest ShippingAddress { get; set => field = value ?? new(); } = new();

    /// <summary>The parent company in a group; must be an account the user can see.</summary>
    public Guid? ParentAccountId { get; set; }

    /// <summary>The field-sales owner; the current user when left out on create; cannot be cleared.</summary>
    public Guid? OwnerId { get; set; }

    /// <summary>The responsible inside-sales team.</summary>
    public Guid? InsideSalesTeamId { get; set; }

    [MaxChars(4000)]
    public string? Description { get; set; }

    /// <summary>The account's key in another system; unique per tenant. Imports update the account with the same external id.</summary>
    [MaxChars(100)]
    public string? ExternalId { get; set; }

    public static AccountRequest From(Account account) => new()
    {
        Name = account.Name,
        Industry = account.Industry,
        Segment = account.Segment,
        VatId = account.VatId,
        Website = account.Website,
        Phone = account.Phone,
        Email = account.Email,
        BillingAddress = AddressRequest.From(account.BillingAddress),
        ShippingAddress = AddressRequest.From(account.ShippingAddress),
        ParentAccountId = account.ParentAccountId,
        OwnerId = account.OwnerId,
        InsideSalesTeamId = account.InsideSalesTeamId,
        Description = account.Description,
        ExternalId = account.ExternalId,
    };

    /// <summary>
    /// Validates the request, checks its references and returns the normalised fields; throws
    /// <see cref="Platform.Http.RequestValidationException"/> listing every problem at once. <paramref name="stored"/>
    /// is the account being changed, null when one is created.
    /// </summary>
    internal async Task<AccountFields> ResolveAsync(Account? stored, KontorDb db, CurrentUser user, CancellationToken ct, KnownReferences? known = null)
    {
        var errors = new FieldErrors(RequestValidator.Validate(this));
        var billing = BillingAddress.ToAddress();
        var phone = errors.Phone("phone", Phone, billing.Country ?? user.DefaultCountry);
        var owner = await References.OwnerAsync(db, user, OwnerId, stored?.OwnerId, errors, "ownerId", ct);
        await References.TeamAsync(db, InsideSalesTeamId, stored?.InsideSalesTeamId, errors, "insideSalesTeamId", ct);
        await References.AccountAsync(db, ParentAccountId, stored?.ParentAccountId, errors, "parentAccountId", ct);
        var externalId = Normalize.Text(ExternalId);
        if (externalId is not null && externalId != stored?.ExternalId && known?.FreeExternalIds.Contains(externalId) != true
            && await db.Accounts.IgnoreQueryFilters([KontorDb.Filters.RecycleBin, KontorDb.Filters.RecordAccess]).AnyAsync(a => a.ExternalId == externalId, ct))
        {
            errors.Add("externalId", ValidationMessages.ExternalIdTaken);
        }
        if (stored is not null && ParentAccountId is not null && ParentAccountId != stored.ParentAccountId
            && await WouldCycleAsync(db, stored.Id, ParentAccountId.Value, ct))
        {
            errors.Add("parentAccountId", ValidationMessages.ParentCycle);
        }

        errors.ThrowIfAny();
        var (segment, team) = await SegmentTeams.ApplyAsync(db, Normalize.Text(Segment), InsideSalesTeamId, stored, known, ct);
        return new AccountFields(
            Name.Trim(),
            Normalize.Text(Industry),
            segment,
            Normalize.VatId(VatId),
            Normalize.WebAddress(Website),
            phone,
            Normalize.Email(Email),
            billing,
            ShippingAddress.ToAddress(),
            ParentAccountId,
            owner,
            team,
            Normalize.Text(Description),
            externalId);
    }

    /// <summary>True when <paramref name="parentId"/> is the account itself or one of its descendants.</summary>
    private static async Task<bool> WouldCycleAsync(KontorDb db, Guid accountId, Guid parentId, CancellationToken ct)
    {
        // Walk up from the proposed parent through every account of the tenant (also ones the user cannot
        // see or has deleted: they still close a cycle); only ids are read. Groups are shallow.
        var seen = new HashSet<Guid>();
        for (Guid? current = parentId; current is { } id; current = await db.Accounts.IgnoreQueryFilters([KontorDb.Filters.RecycleBin, KontorDb.Filters.RecordAccess])
                 .Where(a => a.Id == id).Select(a => a.ParentAccountId).SingleOrDefaultAsync(ct))
        {
            if (id == accountId)
            {
                return true;
            }

            if (!seen.Add(id))
            {
                return false;
            }
        }

        return false;
    }
}
