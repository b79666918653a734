using System.Text.Json.Serialization;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;

namespace Kontor.Features.Customers.Contacts;

/// <summary>A contact as the API returns it and the pages show it.</summary>
public sealed record ContactResponse(
    Guid Id,
    Salutation Salutation,
    string? Title,
    string? FirstName,
    string LastName,
    string? JobTitle,
    string? Email,
    string? Phone,
    string? MobilePhone,
    string? PreferredLanguage,
    Guid? AccountId,
    string? AccountName,
    Guid OwnerId,
    string? OwnerName,
    string? Description,
    string? ExternalId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeletedAt,
    [property: JsonIgnore] uint Version) : IHasETag
{
    /// <summary>The version to send in <c>If-Match</c> when changing the contact.</summary>
    public string ETag => ETags.For(Version);

    public string FullName => string.Join(' ', new[] { Title, FirstName, LastName }.Where(p => !string.IsNullOrWhiteSpace(p)));

    /// <summary>Projects contacts with the names of their references; an invisible account shows no name.</summary>
    public static IQueryable<ContactResponse> Project(IQueryable<Contact> contacts, KontorDb db) =>
        contacts.Select(c => new ContactResponse(
            c.Id,
            c.Salutation,
            c.Title,
            c.FirstName,
            c.LastName,
            c.JobTitle,
            c.Email,
            c.Phone,
            c.MobilePhone,
            c.PreferredLanguage,
            c.AccountId,
            db.Accounts.Where(a => a.Id == c.AccountId).Select(a => a.Name).FirstOrDefault(),
            c.OwnerId,
            db.Users.Where(u => u.Id == c.OwnerId).Select(UserNames.DisplayName).FirstOrDefault(),
            c.Description,
            c.ExternalId,
            c.CreatedAt,
            c.UpdatedAt,
            c.DeletedAt,
            c.Version));

    /// <summary>A contact without the names of its references, for a record the caller cannot read back.</summary>
    public static ContactResponse Describe(Contact c) => new(
        c.Id, c.Salutation, c.Title, c.FirstName, c.LastName, c.JobTitle, c.Email, c.Phone, c.MobilePhone, c.PreferredLanguage,
        c.AccountId, null, c.OwnerId, null, c.Description, c.ExternalId, c.CreatedAt, c.UpdatedAt, c.DeletedAt, c.Version);
}
