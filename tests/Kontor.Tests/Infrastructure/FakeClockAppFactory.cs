using Kontor.Platform.Retention.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Kontor.Tests.Infrastructure;

/// <summary>The app on a clock the tests move forward. Access tokens expire by this clock too: sign in again after a jump.</summary>
public sealed class FakeClockAppFactory : KontorAppFactory
{
    /// <summary>The nightly retention job would fire whenever a test moves the clock past its hour; tests run it themselves.</summary>
    internal static readonly IReadOnlyDictionary<string, string?> RetentionNeverScheduled = new Dictionary<string, string?>
    {
        [RetentionOptions.Section + ":Schedule"] = "0 0 0 1 1 ? 2099",
    };

    protected override IReadOnlyDictionary<string, string?> Settings => RetentionNeverScheduled;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);
    }
}
