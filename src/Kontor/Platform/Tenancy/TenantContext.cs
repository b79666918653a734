namespace Kontor.Platform.Tenancy;

/// <summary>
/// The tenant the current request, circuit or job acts for. Every tenant query filter and the save
/// interceptor read it; a scope without a tenant sees and may write no tenant-owned rows.
/// </summary>
public sealed class TenantContext
{
    private int systemDepth;

    public Guid? TenantId { get; private set; }

    /// <summary>True inside <see cref="SystemScope.Enter"/>: tenant filters are lifted for platform work.</summary>
    public bool IsSystem => systemDepth > 0;

    /// <summary>Binds the scope to a tenant; a scope never switches from one tenant to another.</summary>
    public void Use(Guid tenantId)
    {
        if (TenantId is { } current && current != tenantId)
        {
            throw new InvalidOperationException("A scope cannot switch tenants; create a new scope per tenant.");
        }

        TenantId = tenantId;
    }

    internal void EnterSystem() => systemDepth++;

    internal void LeaveSystem() => systemDepth--;
}
