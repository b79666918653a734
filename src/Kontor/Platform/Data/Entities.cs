namespace Kontor.Platform.Data;

/// <summary>A row that belongs to exactly one tenant; the tenant filter and the save interceptor guard it.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}

/// <summary>Base of every tenant-owned entity: a version-7 id set in .NET and the owning tenant.</summary>
public abstract class TenantEntity : ITenantOwned, IHasId
{
    public Guid Id { get; protected init; } = Guid.CreateVersion7();

    /// <summary>Stamped by <see cref="RecordStampInterceptor"/> from the current tenant; never set by slices.</summary>
    public Guid TenantId { get; internal set; }
}

/// <summary>
/// A business record: who created and changed it and when, a concurrency version surfaced as ETag,
/// and a recycle bin (<see cref="DeletedAt"/>) from which it can be restored until it is purged.
/// </summary>
public abstract class RecordEntity : TenantEntity
{
    public DateTimeOffset CreatedAt { get; internal set; }
    public Guid? CreatedBy { get; internal set; }
    public DateTimeOffset UpdatedAt { get; internal set; }
    public Guid? UpdatedBy { get; internal set; }

    /// <summary><c>xmin</c> on PostgreSQL, a counter kept by the interceptor on SQLite.</summary>
    public uint Version { get; internal set; }

    public DateTimeOffset? DeletedAt { get; private set; }
    public Guid? DeletedBy { get; private set; }

    internal void MoveToRecycleBin(Guid? actor, DateTimeOffset now)
    {
        DeletedAt = now;
        DeletedBy = actor;
    }

    internal void RestoreFromRecycleBin()
    {
        DeletedAt = null;
        DeletedBy = null;
    }
}
