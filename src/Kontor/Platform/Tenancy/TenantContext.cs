namespace Kontor.Platform.Tenancy;

/// <summary>
/// The tenant the current request, circuit or job acts for. Every tenant query filter and the save
/// interceptor read it; a scope without a tenant sees and may write no tenant-owned rows.
/// </summary>
public sealed class TenantContext
{
    // A Blazor circuit shares one context among all its event handlers; while one of them awaits inside a
    // system scope, the others must not see every tenant. So the system scope flows with the async call that
    // entered it (and what it awaits or starts), never with the context as a whole.
    private readonly AsyncLocal<SystemEntry?> system = new();

    public Guid? TenantId { get; private set; }

    /// <summary>
    /// True inside <see cref="SystemScope.Enter"/>, for the code that entered it and what that code awaits: tenant
    /// filters are lifted for platform work. Other operations of the same scope (a circuit's other handlers) see false.
    /// </summary>
    public bool IsSystem
    {
        get
        {
            for (var entry = system.Value; entry is not null; entry = entry.Outer)
            {
                if (!entry.Left)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Binds the scope to a tenant; a scope never switches from one tenant to another.</summary>
    public void Use(Guid tenantId)
    {
        if (TenantId is { } current && current != tenantId)
        {
            throw new InvalidOperationException("A scope cannot switch tenants; create a new scope per tenant.");
        }

        TenantId = tenantId;
    }

    /// <summary>Lifts the tenant filters for the calling flow until the returned entry is left.</summary>
    internal SystemEntry EnterSystem()
    {
        var entry = new SystemEntry(system.Value);
        system.Value = entry;
        return entry;
    }

    internal void LeaveSystem(SystemEntry entry)
    {
        // Marking the entry also ends it for tasks started inside the scope that outlive it.
        entry.Leave();
        if (system.Value == entry)
        {
            system.Value = entry.Outer;
        }
    }

    /// <summary>One <see cref="SystemScope.Enter"/>; nested entries point to the one they were entered in.</summary>
    internal sealed class SystemEntry(SystemEntry? outer)
    {
        private volatile bool left;

        public SystemEntry? Outer { get; } = outer;

        public bool Left => left;

        public void Leave() => left = true;
    }
}
