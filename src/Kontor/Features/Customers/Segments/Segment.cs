using Kontor.Platform.Data;
using Kontor.Platform.Search;

namespace Kontor.Features.Customers.Segments;

/// <summary>A customer segment of the tenant (e.g. "Maschinenbau") and the inside-sales team responsible for its accounts.</summary>
public sealed class Segment : TenantEntity
{
    private Segment() { } // For EF Core.

    public Segment(string name, Guid? insideSalesTeamId, string? description) => Change(name, insideSalesTeamId, description);

    public string Name { get; private set; } = "";

    /// <summary>The folded name: an account's segment matches it whatever its case or umlaut spelling.</summary>
    public string Key { get; private set; } = "";

    /// <summary>The inside-sales team new accounts of the segment get when nobody names one.</summary>
    public Guid? InsideSalesTeamId { get; private set; }

    public string? Description { get; private set; }

    public void Change(string name, Guid? insideSalesTeamId, string? description)
    {
        Name = name;
        Key = KeyOf(name);
        InsideSalesTeamId = insideSalesTeamId;
        Description = description;
    }

    public static string KeyOf(string name) => SearchText.Fold(name);
}
