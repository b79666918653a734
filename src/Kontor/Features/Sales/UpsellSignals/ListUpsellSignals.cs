using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.UpsellSignals;

internal static class ListUpsellSignals
{
    /// <summary>Most signals a list shows; the newest first.</summary>
    public const int Limit = 200;

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", ([AsParameters] ListUpsellSignalsRequest request, KontorDb db, CurrentUser user, CancellationToken ct) => ExecuteAsync(request, db, user, ct))
            .WithName(nameof(ListUpsellSignals))
            .WithSummary("Upsell signals with their fate, newest first: raised by the caller, assigned to the caller, or of an account")
            .WithDescription("filter=raised|assigned, accountId. The one who raised a signal always sees it and its fate, also when the account is not visible to them. At most 200.")
            .ProducesValidationProblem();

    /// <summary>Shared by the endpoint, "My signals" and the account section.</summary>
    public static async Task<IReadOnlyList<UpsellSignalResponse>> ExecuteAsync(ListUpsellSignalsRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        RequestValidator.ThrowIfInvalid(request);
        var me = user.Id;
        var signals = UpsellSignalReads.Visible(db, user).AsNoTracking();
        signals = request.Filter?.Trim().ToLowerInvariant() switch
        {
            null or "" => signals,
            "raised" => signals.Where(s => s.RaisedBy == me),
            "assigned" => signals.Where(s => s.OwnerId == me),
            _ => throw RequestValidationException.For("filter", "Use raised or assigned."),
        };
        if (request.AccountId is { } account)
        {
            signals = signals.Where(s => s.AccountId == account);
        }

        var list = await signals.OrderByDescending(s => s.RaisedAt).ThenByDescending(s => s.Id).Take(Limit).ToListAsync(ct);
        return await UpsellSignalReads.DescribeAsync(db, list, ct);
    }
}

internal static class UpsellSignalEndpoints
{
    public static IEndpointRouteBuilder MapUpsellSignalEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/upsell-signals").WithTags("Upsell signals").RequireAuthorization(KontorAuth.ApiPolicy);
        ListUpsellSignals.Map(group);
        RaiseUpsellSignal.Map(group);
        DecideUpsellSignal.Map(group);
        return app;
    }
}
