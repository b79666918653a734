using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.UpsellSignals;

/// <summary>Body of <c>POST /api/upsell-signals</c>; also the "Raise upsell signal" form.</summary>
public sealed class RaiseUpsellSignalRequest
{
    [Mandatory]
    public Guid? AccountId { get; set; }

    /// <summary>What the customer asked for, in the caller's words.</summary>
    [Mandatory, MaxChars(UpsellSignal.DescriptionLength)]
    public string Description { get; set; } = "";

    /// <summary>The logged call on the account the need came up in.</summary>
    public Guid? CallId { get; set; }

    /// <summary>When the field owner should follow up; today (in the caller's time zone) when left out.</summary>
    public DateOnly? DueOn { get; set; }
}

/// <summary>Body of <c>POST /api/upsell-signals/{id}/reject</c>.</summary>
public sealed class RejectUpsellSignalRequest
{
    [Mandatory, MaxChars(UpsellSignal.ReasonLength)]
    public string Reason { get; set; } = "";
}

/// <summary>Query of <c>GET /api/upsell-signals</c>.</summary>
public sealed class ListUpsellSignalsRequest
{
    /// <summary><c>raised</c> (by the caller), <c>assigned</c> (to the caller); every visible signal when left out.</summary>
    [MaxChars(20)]
    public string? Filter { get; set; }

    /// <summary>Only the signals of this account.</summary>
    public Guid? AccountId { get; set; }
}

/// <summary>An upsell signal and its fate; names of people and the account as the caller may see them.</summary>
public sealed record UpsellSignalResponse(
    Guid Id,
    Guid AccountId,
    string? AccountName,
    string Description,
    Guid? CallId,
    Guid RaisedBy,
    string RaisedByName,
    DateTimeOffset RaisedAt,
    Guid OwnerId,
    string OwnerName,
    Guid OpportunityId,
    Guid TaskId,
    DateOnly DueOn,
    UpsellSignalStatus Status,
    string? RejectionReason,
    DateTimeOffset? DecidedAt);

/// <summary>Who sees which signals, and the responses.</summary>
internal static class UpsellSignalReads
{
    /// <summary>The signals the user raised or decides, and those of accounts the user can see.</summary>
    public static IQueryable<UpsellSignal> Visible(KontorDb db, CurrentUser user)
    {
        var me = user.Id;
        return db.UpsellSignals.Where(s => s.RaisedBy == me || s.OwnerId == me || db.Accounts.Any(a => a.Id == s.AccountId));
    }

    public static async Task<IReadOnlyList<UpsellSignalResponse>> DescribeAsync(KontorDb db, IReadOnlyList<UpsellSignal> signals, CancellationToken ct)
    {
        var users = await UserNames.LoadAsync(db, signals.SelectMany(s => new[] { s.RaisedBy, s.OwnerId }), ct);
        var accountIds = signals.Select(s => s.AccountId).Distinct().ToList();
        var accounts = await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return [.. signals.Select(s => new UpsellSignalResponse(
            s.Id, s.AccountId, accounts.GetValueOrDefault(s.AccountId), s.Description, s.CallId, s.RaisedBy, users.GetValueOrDefault(s.RaisedBy, ""), s.RaisedAt,
            s.OwnerId, users.GetValueOrDefault(s.OwnerId, ""), s.OpportunityId, s.TaskId, s.DueOn, s.Status, s.RejectionReason, s.DecidedAt))];
    }
}
