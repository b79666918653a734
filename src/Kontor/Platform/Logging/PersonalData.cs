using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;

namespace Kontor.Platform.Logging;

/// <summary>Kontor's data classification taxonomy for logs.</summary>
public static class KontorTaxonomy
{
    public const string Name = "Kontor";

    /// <summary>Names, e-mail addresses, phone numbers and anything else that identifies a person.</summary>
    public static DataClassification PersonalData { get; } = new(Name, nameof(PersonalData));
}

/// <summary>Marks a log parameter as personal data: it is redacted before any sink sees it.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class PersonalDataAttribute() : DataClassificationAttribute(KontorTaxonomy.PersonalData);

/// <summary>Replaces personal data with a fixed marker, so log lines show that a value was there.</summary>
public sealed class PersonalDataRedactor : Redactor
{
    private const string Marker = "[redacted]";

    public override int GetRedactedLength(ReadOnlySpan<char> input) => Marker.Length;

    public override int Redact(ReadOnlySpan<char> source, Span<char> destination)
    {
        Marker.AsSpan().CopyTo(destination);
        return Marker.Length;
    }
}
