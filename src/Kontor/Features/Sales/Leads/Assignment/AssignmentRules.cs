using Kontor.Platform.Administration;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Leads.Assignment;

internal static class ListAssignmentRules
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", (KontorDb db, CurrentUser user, CancellationToken ct) => ExecuteAsync(db, user, ct))
            .WithName(nameof(ListAssignmentRules))
            .WithSummary("List the lead assignment rules in the order they are tried (administrators)")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static Task<List<AssignmentRuleResponse>> ExecuteAsync(KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.Require(user);
        return AssignmentRuleResponse.Project(db.LeadAssignmentRules.AsNoTracking(), db).ToListAsync(ct);
    }
}

internal static class CreateAssignmentRule
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<AssignmentRuleResponse>> (AssignmentRuleRequest request, KontorDb db, CurrentUser user, CancellationToken ct) =>
            {
                var created = await ExecuteAsync(request, db, user, ct);
                return TypedResults.Created($"/api/lead-assignment-rules/{created.Id}", created);
            })
            .WithName(nameof(CreateAssignmentRule))
            .WithSummary("Add a lead assignment rule at the end of the order (administrators)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<AssignmentRuleResponse> ExecuteAsync(AssignmentRuleRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var fields = await request.ResolveAsync(stored: null, db, ct);
        var last = await db.LeadAssignmentRules.MaxAsync(r => (int?)r.Position, ct) ?? -1;
        var rule = new LeadAssignmentRule(fields, last + 1);
        db.LeadAssignmentRules.Add(rule);
        await db.SaveChangesAsync(ct);
        return await AssignmentRuleResponse.Project(db.LeadAssignmentRules.AsNoTracking().Where(r => r.Id == rule.Id), db).SingleAsync(ct);
    }
}

internal static class UpdateAssignmentRule
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{id:guid}", async Task<Results<Ok<AssignmentRuleResponse>, NotFound>> (
                Guid id, AssignmentRuleRequest request, KontorDb db, CurrentUser user, CancellationToken ct) =>
                await ExecuteAsync(id, request, db, user, ct) is { } rule ? TypedResults.Ok(rule) : TypedResults.NotFound())
            .WithName(nameof(UpdateAssignmentRule))
            .WithSummary("Change a lead assignment rule (administrators)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<AssignmentRuleResponse?> ExecuteAsync(Guid id, AssignmentRuleRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var rule = await db.LeadAssignmentRules.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return null;
        }

        rule.Apply(await request.ResolveAsync(rule, db, ct));
        await db.SaveChangesAsync(ct);
        return await AssignmentRuleResponse.Project(db.LeadAssignmentRules.AsNoTracking().Where(r => r.Id == id), db).SingleAsync(ct);
    }
}

internal static class DeleteAssignmentRule
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (Guid id, KontorDb db, CurrentUser user, CancellationToken ct) =>
                await ExecuteAsync(id, db, user, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName(nameof(DeleteAssignmentRule))
            .WithSummary("Delete a lead assignment rule (administrators)")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<bool> ExecuteAsync(Guid id, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var rule = await db.LeadAssignmentRules.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return false;
        }

        db.LeadAssignmentRules.Remove(rule);
        await db.SaveChangesAsync(ct);
        return true;
    }
}

internal static class ReorderAssignmentRules
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/order", (ReorderAssignmentRulesRequest request, KontorDb db, CurrentUser user, CancellationToken ct) => ExecuteAsync(request, db, user, ct))
            .WithName(nameof(ReorderAssignmentRules))
            .WithSummary("Put the lead assignment rules in a new order (administrators)")
            .WithDescription("Send every rule's id once, the rule to try first first; 400 when ids are missing, repeated or unknown.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<List<AssignmentRuleResponse>> ExecuteAsync(ReorderAssignmentRulesRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var rules = await db.LeadAssignmentRules.ToListAsync(ct);
        var ids = request.Ids ?? [];
        if (ids.Count != rules.Count || ids.Distinct().Count() != ids.Count || !rules.All(r => ids.Contains(r.Id)))
        {
            throw RequestValidationException.For("ids", LeadsText.Message("Send the id of every rule exactly once."));
        }

        foreach (var rule in rules)
        {
            rule.MoveTo(ids.ToList().IndexOf(rule.Id));
        }

        await db.SaveChangesAsync(ct);
        return await ListAssignmentRules.ExecuteAsync(db, user, ct);
    }
}
