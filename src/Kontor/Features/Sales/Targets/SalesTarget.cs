using Kontor.Features.Sales.Forecasts;
using Kontor.Platform.Data;

namespace Kontor.Features.Sales.Targets;

/// <summary>A quota: the closed-won amount a user or a team is to reach in a month, quarter or year, in one currency.</summary>
public sealed class SalesTarget : TenantEntity
{
    private SalesTarget() { } // For EF Core.

    public SalesTarget(SubjectKind subjectKind, Guid subjectId, SalesPeriod period, long amount, string currency, Guid? setBy, DateTimeOffset now)
    {
        SubjectKind = subjectKind;
        SubjectId = subjectId;
        PeriodKind = period.Kind;
        Period = period.Key;
        PeriodStart = period.Start;
        Change(amount, currency, setBy, now);
    }

    /// <summary>A user or a team.</summary>
    public SubjectKind SubjectKind { get; private set; }

    /// <summary>The user's or team's id.</summary>
    public Guid SubjectId { get; private set; }

    public PeriodKind PeriodKind { get; private set; }

    /// <summary>The period's key: <c>2026-11</c>, <c>2026-Q4</c> or <c>2026</c>.</summary>
    public string Period { get; private set; } = "";

    public DateOnly PeriodStart { get; private set; }

    /// <summary>Minor units of <see cref="Currency"/>.</summary>
    public long Amount { get; private set; }

    /// <summary>ISO 4217 code; actuals count only opportunities in this currency.</summary>
    public string Currency { get; private set; } = "EUR";

    public Guid? SetBy { get; private set; }
    public DateTimeOffset SetAt { get; private set; }

    public void Change(long amount, string currency, Guid? setBy, DateTimeOffset now)
    {
        Amount = amount;
        Currency = currency;
        SetBy = setBy;
        SetAt = now;
    }
}
