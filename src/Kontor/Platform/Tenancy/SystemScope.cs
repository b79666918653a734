using Kontor.Platform.Logging;

namespace Kontor.Platform.Tenancy;

/// <summary>
/// The one way to cross tenants: sign-in (finding a user by e-mail before the tenant is known),
/// platform administration and jobs that iterate tenants. Every entry is logged with its reason.
/// </summary>
public sealed class SystemScope(TenantContext tenant, ILogger<SystemScope> log)
{
    public IDisposable Enter(string reason)
    {
        PlatformLog.SystemScopeEntered(log, reason);
        tenant.EnterSystem();
        return new Exit(tenant);
    }

    private sealed class Exit(TenantContext tenant) : IDisposable
    {
        private bool disposed;

        public void Dispose()
        {
            if (!disposed)
            {
                disposed = true;
                tenant.LeaveSystem();
            }
        }
    }
}
