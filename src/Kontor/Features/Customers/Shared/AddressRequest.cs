using Kontor.Platform.Validation;

namespace Kontor.Features.Customers.Shared;

/// <summary>A postal address as sent by clients and edited in forms.</summary>
public sealed class AddressRequest
{
    [MaxChars(200)]
    public string? Street { get; set; }

    [MaxChars(20)]
    public string? PostalCode { get; set; }

    [MaxChars(100)]
    public string? City { get; set; }

    [MaxChars(100)]
    public string? Region { get; set; }

    [CountryCode]
    public string? Country { get; set; }

    public PostalAddress ToAddress() => new()
    {
        Street = Normalize.Text(Street),
        PostalCode = Normalize.Text(PostalCode),
        City = Normalize.Text(City),
        Region = Normalize.Text(Region),
        Country = Normalize.Upper(Country),
    };

    public static AddressRequest From(PostalAddress address) => new()
    {
        Street = address.Street,
        PostalCode = address.PostalCode,
        City = address.City,
        Region = address.Region,
        Country = address.Country,
    };
}
