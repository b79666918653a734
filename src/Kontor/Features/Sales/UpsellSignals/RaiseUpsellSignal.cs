using Kontor.Features.Activities.Calls;
using Kontor.Features.Activities.Shared;
using Kontor.Features.Activities.Tasks;
using Kontor.Features.Customers;
using Kontor.Features.Sales.Opportunities;
using Kontor.Features.Sales.Pipelines;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Kontor.Platform.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.UpsellSignals;

internal static class RaiseUpsellSignal
{
    /// <summary>Where opportunities from upsell signals say they came from.</summary>
    public const string LeadSource = "Upsell signal";

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Results<Created<UpsellSignalResponse>, NotFound>> (
                RaiseUpsellSignalRequest request, KontorDb db, CurrentUser user, AccessScope access, TimeProvider clock, CancellationToken ct) =>
                await ExecuteAsync(request, db, user, access, clock, ct) is { } raised
                    ? TypedResults.Created($"/api/upsell-signals/{raised.Id}", raised)
                    : TypedResults.NotFound())
            .WithName(nameof(RaiseUpsellSignal))
            .WithSummary("Raise an upsell signal on an account: an opportunity for the account's field owner with a follow-up task")
            .WithDescription("In one transaction: an opportunity in the default pipeline's first stage owned by the account's owner, a high-priority task for the owner due on dueOn (today by default; it shows in the owner's reminder) and the signal. 404 when the account is not visible.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithIdempotency();

    /// <summary>Shared by the endpoint and the raise form. Null when the account is not visible.</summary>
    public static async Task<UpsellSignalResponse?> ExecuteAsync(
        RaiseUpsellSignalRequest request, KontorDb db, CurrentUser user, AccessScope access, TimeProvider clock, CancellationToken ct)
    {
        RequestValidator.ThrowIfInvalid(request);
        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == request.AccountId)
            .Select(a => new { a.Id, a.OwnerId, a.InsideSalesTeamId }).SingleOrDefaultAsync(ct);
        if (account is null)
        {
            return null;
        }

        access.Require(SalesObjects.Opportunities, ObjectPermissions.Create);
        var accountType = CustomerObjects.Accounts.Key;
        if (request.CallId is { } callId
            && !await db.Activities.OfType<Call>().AnyAsync(c => c.Id == callId && c.TargetType == accountType && c.TargetId == account.Id, ct))
        {
            throw RequestValidationException.For("callId", "There is no logged call with this id on the account.");
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), user.TimeZone).DateTime);
        var dueOn = request.DueOn ?? today;
        if (dueOn < today)
        {
            throw RequestValidationException.For("dueOn", "The follow-up cannot be due in the past.");
        }

        var pipeline = await DefaultPipeline.GetOrCreateAsync(db, ct);
        var currency = await db.Tenants.Select(t => t.DefaultCurrency).SingleAsync(ct);
        var description = request.Description.Trim();
        var now = clock.GetUtcNow();
        var opportunity = new Opportunity(
            new OpportunityFields(Shorten($"Upsell: {description}", 200), account.Id, account.OwnerId, account.InsideSalesTeamId, null, currency, null, null, LeadSource, null, null, description),
            pipeline,
            pipeline.FirstOpenStage(),
            user.ActorId,
            now);
        var task = new TaskItem(
            new RecordRef(accountType, account.Id),
            new TaskFields(Shorten($"Upsell signal: {description}", ActivityLimits.SubjectLength), description, dueOn, account.OwnerId, TaskPriority.High, TaskItemStatus.Open),
            now);
        var signal = new UpsellSignal(account.Id, description, request.CallId, user.Id, account.OwnerId, opportunity.Id, task.Id, dueOn, now);
        db.Opportunities.Add(opportunity);
        db.Activities.Add(task);
        db.UpsellSignals.Add(signal);
        await db.SaveChangesAsync(ct);
        return (await UpsellSignalReads.DescribeAsync(db, [signal], ct))[0];
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}
