using Kontor.Features.Customers.Shared;
using Kontor.Platform.Data;
using System.Text.Json.Serialization;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;

namespace Kontor.Features.Customers.Accounts;

/// <summary>An account as the API returns it and the pages show it.</summary>
public sealed record AccountResponse(
    Guid Id,
    string Name,
    string? Industry,
    string? Segment,
    string? VatId,
    string? Website,
    string? Phone,
    string? Email,
    PostalAddress BillingAddress,
    PostalAddress ShippingAddress,
    Guid? ParentAccountId,
    string? ParentAccountName,
    Guid OwnerId,
    string? OwnerName,
    Guid? InsideSalesTeamId,
    string? InsideSalesTeamName,
    string? Description,
    string? ExternalId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeletedAt,
    [property: JsonIgnore] uint Version) : IHasETag
{
    /// <summary>The version to send in <c>If-Match</c> when changing the account.</summary>
    public string ETag => ETags.For(Version);

    /// <summary>Projects accounts with the names of their references in one query; invisible parents show no name.</summary>
    public static IQueryable<AccountResponse> Project(IQueryable<Account> accounts, KontorDb db) =>
        accounts.Select(a => new AccountResponse(
            a.Id,
            a.Name,
            a.Industry,
            a.Segment,
            a.VatId,
            a.Website,
            a.Phone,
            a.Email,
            a.BillingAddress,
            a.ShippingAddress,
            a.ParentAccountId,
            db.Accounts.Where(p => p.Id == a.ParentAccountId).Select(p => p.Name).FirstOrDefault(),
            a.OwnerId,
            db.Users.Where(u => u.Id == a.OwnerId).Select(UserNames.DisplayName).FirstOrDefault(),
            a.InsideSalesTeamId,
            db.Teams.Where(t => t.Id == a.InsideSalesTeamId).Select(t => t.Name).FirstOrDefault(),
            a.Description,
            a.ExternalId,
            a.CreatedAt,
            a.UpdatedAt,
            a.DeletedAt,
            a.Version));

    /// <summary>An account without the names of its references, for a record the caller cannot read back.</summary>
    public static AccountResponse Describe(Account a) => new(
        a.Id, a.Name, a.Industry, a.Segment, a.VatId, a.Website, a.Phone, a.Email, a.BillingAddress, a.ShippingAddress,
        a.ParentAccountId, null, a.OwnerId, null, a.InsideSalesTeamId, null, a.Description, a.ExternalId, a.CreatedAt, a.UpdatedAt, a.DeletedAt, a.Version);
}
