using Kontor.Platform.Agreement;
using Kontor.Platform.Data;
using Kontor.Platform.Retention.Rules;

namespace Kontor.Platform.Retention;

/// <summary>What one retention run asks of every source, for one tenant.</summary>
/// <param name="Db">The tenant's context: tenant filter active, record access unrestricted, no user (changes are the system's).</param>
/// <param name="Now">The run's clock.</param>
/// <param name="DryRun">When true, a source counts what is due and changes nothing.</param>
/// <param name="Agreement">The works agreement in force (or the strict default), whose categories carry retention periods.</param>
public sealed record RetentionContext(KontorDb Db, DateTimeOffset Now, bool DryRun, AgreementDocument Agreement)
{
    /// <summary>The tenant's customer-data rules.</summary>
    public RetentionRules Rules { get; init; } = RetentionRules.Default;

    /// <summary>The tenant's statutory periods; no source removes a record inside its period.</summary>
    public StatutoryPeriods Periods { get; init; } = StatutoryPeriods.Default;
}

/// <summary>What one source did (or, in a dry run, would do) in one run.</summary>
/// <param name="Source">The source's <see cref="IRetentionSource.Key"/>.</param>
/// <param name="Deleted">Rows deleted.</param>
/// <param name="Anonymised">Rows whose personal data was removed while the row stays.</param>
/// <param name="Held">Rows due but kept for a legal hold or a statutory period.</param>
/// <param name="Items">Up to a few hundred examples of what went (record type, id, short reason), for the dry-run list.</param>
public sealed record RetentionOutcome(string Source, int Deleted, int Anonymised, int Held, IReadOnlyList<RetentionItem> Items);

/// <summary>One row a retention source removed or would remove.</summary>
public sealed record RetentionItem(string RecordType, Guid RecordId, string Reason);

/// <summary>
/// One kind of data the daily retention job removes when its period is over: an employee-data category of the works
/// agreement, or a customer-data rule. Modules register theirs with
/// <c>services.AddSingleton&lt;IRetentionSource, X&gt;()</c>; the job runs them one after another per tenant and
/// never removes a record under a <see cref="LegalHold"/>.
/// </summary>
public interface IRetentionSource
{
    /// <summary>Stable key used in run reports (<c>login-history</c>, <c>stale-leads</c> …).</summary>
    string Key { get; }

    /// <summary>Removes (or counts, in a dry run) what is due in the context's tenant.</summary>
    Task<RetentionOutcome> ApplyAsync(RetentionContext context, CancellationToken ct);
}
