using Kontor.Platform.Records;

namespace Kontor.Features.Privacy;

/// <summary>The audit log's record types of data-subject requests and consents.</summary>
internal static class PrivacyAudit
{
    public const string RequestType = "dataSubjectRequest";

    public const string ConsentType = "consent";

    public static RecordRef Request(Guid id) => new(RequestType, id);
}
