using Kontor.Features.Sales.Orders;
using Kontor.Platform.Access;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Kontor.Platform.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Quotes;

/// <summary>Loads a visible quote for an action, marks it expired when due and saves the action with an audit entry.</summary>
internal static class QuoteAction
{
    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder route, string name, string summary, string description) =>
        route.WithName(name).WithSummary(summary).WithDescription(description)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

    public static async Task<Results<Ok<QuoteResponse>, NotFound>> Answer(Task<QuoteResponse?> work) =>
        await work is { } quote ? TypedResults.Ok(quote) : TypedResults.NotFound();

    /// <summary>
    /// Runs <paramref name="change"/> on the visible quote (null when it is not visible) after an expiry check, records
    /// an audit entry <paramref name="auditEvent"/> and saves both with the change in one transaction.
    /// </summary>
    public static async Task<QuoteResponse?> RunAsync(
        Guid id, KontorDb db, AuditTrail audit, string auditEvent, Func<Quote, Task<object?>> change, CancellationToken ct)
    {
        var quote = await QuoteAccess.ForChangeExpiredIfDueAsync(id, db, ct);
        if (quote is null)
        {
            return null;
        }

        var detail = await change(quote);
        audit.Record(db, AuditAction.Update, new RecordRef("quote", quote.Id), new { @event = auditEvent, number = quote.Number, detail });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request acted on the same quote at the same time (two accepts place two orders: the unique
            // index on the order's quote refuses the second); nothing of this request was saved.
            throw new BusinessRuleException(SalesMessages.Quote("The quote was changed at the same time by someone else; nothing was saved. Reload it."));
        }

        return await QuoteResponse.LoadAsync(quote.Id, db, ct);
    }

    public static string? Comment(QuoteCommentRequest? request)
    {
        if (request is null)
        {
            return null;
        }

        RequestValidator.ThrowIfInvalid(request);
        return QuotePricing.Text(request.Comment);
    }
}

internal static class RequestQuoteApproval
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/request-approval", (Guid id, KontorDb db, AccessScope access, CurrentUser user, AuditTrail audit, CancellationToken ct) =>
                QuoteAction.Answer(ExecuteAsync(id, db, access, user, audit, ct)))
            .Describe(nameof(RequestQuoteApproval), "Submit a draft quote for discount approval",
                "Only for a draft whose discount exceeds the tenant's threshold. The approver is the opportunity owner's manager; an owner without manager is approved by an administrator.");

    public static Task<QuoteResponse?> ExecuteAsync(Guid id, KontorDb db, AccessScope access, CurrentUser user, AuditTrail audit, CancellationToken ct) =>
        QuoteAction.RunAsync(id, db, audit, "approvalRequested", async quote =>
        {
            var opportunity = await QuoteAccess.RequireEditAsync(quote.OpportunityId, db, access, ct);
            var manager = await db.Users.Where(u => u.Id == opportunity.OwnerId).Select(u => u.ManagerId).SingleOrDefaultAsync(ct);
            quote.RequestApproval(manager, user.Id, db.Clock.GetUtcNow());
            return new { approverId = manager, maxDiscountPercent = quote.MaxDiscountPercent };
        }, ct);
}

internal static class DecideQuoteApproval
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/approve", (Guid id, QuoteCommentRequest? request, KontorDb db, CurrentUser user, AuditTrail audit, CancellationToken ct) =>
                QuoteAction.Answer(ExecuteAsync(id, approve: true, request, db, user, audit, ct)))
            .Describe("ApproveQuote", "Approve a quote's discount", "Only the approver named on the request (the owner's manager; an administrator when the owner has none). The comment is kept on the quote.");
        group.MapPost("/{id:guid}/reject-approval", (Guid id, QuoteCommentRequest? request, KontorDb db, CurrentUser user, AuditTrail audit, CancellationToken ct) =>
                QuoteAction.Answer(ExecuteAsync(id, approve: false, request, db, user, audit, ct)))
            .Describe("RejectQuoteApproval", "Refuse a quote's discount", "The quote returns to draft with the approver's comment.");
    }

    public static Task<QuoteResponse?> ExecuteAsync(Guid id, bool approve, QuoteCommentRequest? request, KontorDb db, CurrentUser user, AuditTrail audit, CancellationToken ct)
    {
        var comment = QuoteAction.Comment(request);
        return QuoteAction.RunAsync(id, db, audit, approve ? "approvalGranted" : "approvalRefused", quote =>
        {
            var mayDecide = quote.ApproverId is { } approver ? approver == user.Id : user.IsInRole(Roles.Admin);
            if (quote.Status == QuoteStatus.InApproval && !mayDecide)
            {
                throw new ForbiddenException("Only the opportunity owner's manager may decide this approval request.");
            }

            quote.Decide(approve, comment, user.Id, db.Clock.GetUtcNow());
            return Task.FromResult<object?>(new { hasComment = comment is not null });
        }, ct);
    }
}

internal static class SendQuote
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/send", (Guid id, KontorDb db, AccessScope access, AuditTrail audit, CancellationToken ct) =>
                QuoteAction.Answer(ExecuteAsync(id, db, access, audit, ct)))
            .Describe(nameof(SendQuote), "Mark a quote as sent to the customer",
                "A draft that needs no approval, or an approved quote. 409 when the discount still needs approval.");

    public static Task<QuoteResponse?> ExecuteAsync(Guid id, KontorDb db, AccessScope access, AuditTrail audit, CancellationToken ct) =>
        QuoteAction.RunAsync(id, db, audit, "sent", async quote =>
        {
            await QuoteAccess.RequireEditAsync(quote.OpportunityId, db, access, ct);
            quote.MarkSent(db.Clock.GetUtcNow());
            return null;
        }, ct);
}

internal static class AnswerQuote
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/accept", (Guid id, KontorDb db, AccessScope access, AuditTrail audit, CancellationToken ct) =>
                QuoteAction.Answer(ExecuteAsync(id, accepted: true, null, db, access, audit, ct)))
            .Describe("AcceptQuote", "Record the customer's acceptance: the quote becomes an order",
                "Creates the order (lines copied) and its sales.order.created outbox event in the same transaction. One order per quote: a second accept answers 409.");
        group.MapPost("/{id:guid}/reject", (Guid id, QuoteCommentRequest? request, KontorDb db, AccessScope access, AuditTrail audit, CancellationToken ct) =>
                QuoteAction.Answer(ExecuteAsync(id, accepted: false, request, db, access, audit, ct)))
            .Describe("RejectQuote", "Record the customer's rejection", "Only for a sent quote; the comment is kept as the reason.");
    }

    public static Task<QuoteResponse?> ExecuteAsync(Guid id, bool accepted, QuoteCommentRequest? request, KontorDb db, AccessScope access, AuditTrail audit, CancellationToken ct)
    {
        var reason = QuoteAction.Comment(request);
        return QuoteAction.RunAsync(id, db, audit, accepted ? "accepted" : "rejected", async quote =>
        {
            await QuoteAccess.RequireEditAsync(quote.OpportunityId, db, access, ct);
            var now = db.Clock.GetUtcNow();
            quote.Answer(accepted, reason, now);
            if (!accepted)
            {
                return null;
            }

            var order = await PlaceOrder.AddAsync(quote, db, now, ct);
            return new { orderId = order.Id };
        }, ct);
    }
}

internal static class CreateQuoteVersion
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/versions", async Task<Results<Created<QuoteResponse>, NotFound>> (Guid id, KontorDb db, AccessScope access, AuditTrail audit, CancellationToken ct) =>
                await ExecuteAsync(id, db, access, audit, ct) is { } quote ? TypedResults.Created($"/api/quotes/{quote.Id}", quote) : TypedResults.NotFound())
            .WithName(nameof(CreateQuoteVersion))
            .WithSummary("Start a new version of a quote")
            .WithDescription("A draft copy of the current version with its lines, valid for the tenant's validity days from today; the old version becomes read-only. Not for an accepted quote.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

    public static async Task<QuoteResponse?> ExecuteAsync(Guid id, KontorDb db, AccessScope access, AuditTrail audit, CancellationToken ct)
    {
        var settings = await QuoteSettings.LoadAsync(db, ct);
        Quote? created = null;
        var old = await QuoteAction.RunAsync(id, db, audit, "versionCreated", async quote =>
        {
            await QuoteAccess.RequireEditAsync(quote.OpportunityId, db, access, ct);
            var today = QuoteAccess.Today(db);
            created = quote.NewVersion(today, today.AddDays(settings.ValidityDays));
            db.Quotes.Add(created);
            return new { revision = created.Revision };
        }, ct);
        return old is null ? null : await QuoteResponse.LoadAsync(created!.Id, db, ct);
    }
}
