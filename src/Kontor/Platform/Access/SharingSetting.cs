using Kontor.Platform.Data;

namespace Kontor.Platform.Access;

/// <summary>A tenant's organisation-wide sharing level for one object type, overriding the object's default.</summary>
public sealed class SharingSetting : TenantEntity
{
    private SharingSetting() { } // For EF Core.

    public SharingSetting(string objectKey, SharingLevel level)
    {
        ObjectKey = objectKey;
        Level = level;
    }

    public string ObjectKey { get; private set; } = "";
    public SharingLevel Level { get; set; }
}
