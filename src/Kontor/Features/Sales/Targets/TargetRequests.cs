using System.ComponentModel.DataAnnotations;
using Kontor.Features.Sales.Forecasts;
using Kontor.Platform.Validation;

namespace Kontor.Features.Sales.Targets;

/// <summary>Body of <c>POST /api/targets</c>; also the model of the target form.</summary>
public sealed class CreateTargetRequest
{
    /// <summary>A user's id; leave out when the target is a team's.</summary>
    public Guid? UserId { get; set; }

    /// <summary>A team's id; leave out when the target is a user's.</summary>
    public Guid? TeamId { get; set; }

    /// <summary>A month (<c>2026-11</c>), quarter (<c>2026-Q4</c>) or year (<c>2026</c>).</summary>
    [Mandatory, MaxChars(10)]
    public string Period { get; set; } = "";

    /// <summary>Minor units (cents).</summary>
    [Mandatory, Range(0, 1_000_000_000_000_000)]
    public long? Amount { get; set; }

    [Mandatory, RegularExpression("^[A-Z]{3}$", ErrorMessage = "Use a three-letter ISO 4217 code.")]
    public string Currency { get; set; } = "EUR";
}

/// <summary>Body of <c>PUT /api/targets/{id}</c>: the new amount and currency.</summary>
public sealed class UpdateTargetRequest
{
    /// <summary>Minor units (cents).</summary>
    [Mandatory, Range(0, 1_000_000_000_000_000)]
    public long? Amount { get; set; }

    [Mandatory, RegularExpression("^[A-Z]{3}$", ErrorMessage = "Use a three-letter ISO 4217 code.")]
    public string Currency { get; set; } = "EUR";
}

/// <summary>A target with the subject's closed-won actual in the period and currency; attainment is actual ÷ target in percent, one decimal (null for a target of zero).</summary>
public sealed record TargetResponse(
    Guid Id,
    SubjectKind SubjectKind,
    Guid SubjectId,
    string SubjectName,
    string Period,
    PeriodKind PeriodKind,
    long Amount,
    string Currency,
    long? Actual,
    decimal? AttainmentPercent)
{
    /// <param name="target">The target.</param>
    /// <param name="subjectName">The person's or team's name.</param>
    /// <param name="actual">Closed won of the period, or null when the works agreement withholds it from the reader.</param>
    internal static TargetResponse From(SalesTarget target, string subjectName, long? actual) => new(
        target.Id,
        target.SubjectKind,
        target.SubjectId,
        subjectName,
        target.Period,
        target.PeriodKind,
        target.Amount,
        target.Currency,
        actual,
        actual is { } value ? Attainment(value, target.Amount) : null);

    /// <summary>Actual ÷ target in percent, rounded half away from zero to one decimal.</summary>
    public static decimal? Attainment(long actual, long target) =>
        target == 0 ? null : Math.Round(actual * 100m / target, 1, MidpointRounding.AwayFromZero);
}
