using Kontor.Platform.Logging;

namespace Kontor.Platform.Tenancy;

/// <summary>
/// The one way to cross tenants: sign-in (finding a user by e-mail before the tenant is known),
/// platform administration and jobs that iterate tenants. Every entry is logged with its reason. The scope
/// holds for the calling code and what it awaits, not for other operations sharing the same services.
/// </summary>
public sealed class SystemScope(TenantContext tenant, ILogger<SystemScope> log)
{
    public IDisposable Enter(string reason)
    {
        PlatformLog.SystemScopeEntered(log, reason);
        return new Exit(tenant, tenant.EnterSystem());
    }

    private sealed class Exit(TenantContext tenant, TenantContext.SystemEntry entry) : IDisposable
    {
        private bool disposed;

        public void Dispose()
        {
            if (!disposed)
            {
                disposed = true;
                tenant.LeaveSystem(entry);
            }
        }
    }
}
