using System.Text.Json.Serialization;

namespace Kontor.Features.Customers.Shared;

/// <summary>A postal address; every part is optional, the country is ISO 3166 alpha-2.</summary>
public sealed record PostalAddress
{
    public static PostalAddress Empty { get; } = new();

    public string? Street { get; init; }
    public string? PostalCode { get; init; }
    public string? City { get; init; }
    public string? Region { get; init; }
    public string? Country { get; init; }

    /// <summary>Not part of the API: an address sent back as it was read must be accepted as a request.</summary>
    [JsonIgnore]
    public bool IsEmpty => this == Empty;
}
