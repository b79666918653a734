using Kontor.Platform.Administration;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Kontor.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Leads.Scoring;

/// <summary>A scoring rule as administrators send it; also the model of the rule dialog.</summary>
public sealed class ScoringRuleRequest
{
    [Mandatory, MaxChars(100)]
    public string Name { get; set; } = "";

    public LeadScoreCondition Condition { get; set; }

    /// <summary>The value compared for SegmentIs, SourceIs, CampaignIs, CountryIs and RatingIs.</summary>
    [MaxChars(100)]
    public string? Value { get; set; }

    [System.ComponentModel.DataAnnotations.Range(-1000, 1000)]
    public int Points { get; set; }

    /// <summary>For rules per activity: the most points one lead gets from the rule.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 100000)]
    public int? MaxPoints { get; set; }

    internal (string Name, LeadScoreCondition Condition, string? Value, int Points, int? MaxPoints) Resolve()
    {
        var errors = RequestValidator.Validate(this);
        var needsValue = Condition is LeadScoreCondition.SegmentIs or LeadScoreCondition.SourceIs or LeadScoreCondition.CampaignIs
            or LeadScoreCondition.CountryIs or LeadScoreCondition.RatingIs;
        if (!Enum.IsDefined(Condition))
        {
            errors["condition"] = [ValidationMessages.Mandatory];
        }
        else if (needsValue && Normalize.Text(Value) is null)
        {
            errors["value"] = [LeadsText.Message("This condition compares a field with a value: enter the value.")];
        }
        else if (Condition == LeadScoreCondition.RatingIs && !Enum.TryParse<LeadRating>(Value, ignoreCase: true, out _))
        {
            errors["value"] = [LeadsText.Message("Use Hot, Warm or Cold.")];
        }

        if (errors.Count > 0)
        {
            throw new Platform.Http.RequestValidationException(errors);
        }

        return (Name.Trim(), Condition, needsValue ? Normalize.Text(Value) : null, Points, MaxPoints);
    }
}

/// <summary>A scoring rule as the API returns it.</summary>
public sealed record ScoringRuleResponse(Guid Id, string Name, LeadScoreCondition Condition, string? Value, int Points, int? MaxPoints)
{
    public static ScoringRuleResponse Of(LeadScoringRule r) => new(r.Id, r.Name, r.Condition, r.Value, r.Points, r.MaxPoints);
}

internal static class ListScoringRules
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", (KontorDb db, CurrentUser user, CancellationToken ct) => ExecuteAsync(db, user, ct))
            .WithName(nameof(ListScoringRules))
            .WithSummary("List the lead scoring rules (administrators)")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<List<ScoringRuleResponse>> ExecuteAsync(KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.Require(user);
        return [.. (await db.LeadScoringRules.AsNoTracking().OrderBy(r => r.Name).ThenBy(r => r.Id).ToListAsync(ct)).Select(ScoringRuleResponse.Of)];
    }
}

internal static class CreateScoringRule
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<ScoringRuleResponse>> (ScoringRuleRequest request, KontorDb db, CurrentUser user, CancellationToken ct) =>
            {
                var created = await ExecuteAsync(request, db, user, ct);
                return TypedResults.Created($"/api/lead-scoring-rules/{created.Id}", created);
            })
            .WithName(nameof(CreateScoringRule))
            .WithSummary("Add a lead scoring rule and rescore the open leads (administrators)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<ScoringRuleResponse> ExecuteAsync(ScoringRuleRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var (name, condition, value, points, max) = request.Resolve();
        var rule = new LeadScoringRule(name, condition, value, points, max);
        db.LeadScoringRules.Add(rule);
        await db.SaveChangesAsync(ct);
        await RescoreLeads.RescoreOpenLeadsAsync(db, ct);
        return ScoringRuleResponse.Of(rule);
    }
}

internal static class UpdateScoringRule
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{id:guid}", async Task<Results<Ok<ScoringRuleResponse>, NotFound>> (
                Guid id, ScoringRuleRequest request, KontorDb db, CurrentUser user, CancellationToken ct) =>
                await ExecuteAsync(id, request, db, user, ct) is { } rule ? TypedResults.Ok(rule) : TypedResults.NotFound())
            .WithName(nameof(UpdateScoringRule))
            .WithSummary("Change a lead scoring rule and rescore the open leads (administrators)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<ScoringRuleResponse?> ExecuteAsync(Guid id, ScoringRuleRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var rule = await db.LeadScoringRules.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return null;
        }

        var (name, condition, value, points, max) = request.Resolve();
        rule.Change(name, condition, value, points, max);
        await db.SaveChangesAsync(ct);
        await RescoreLeads.RescoreOpenLeadsAsync(db, ct);
        return ScoringRuleResponse.Of(rule);
    }
}

internal static class DeleteScoringRule
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (Guid id, KontorDb db, CurrentUser user, CancellationToken ct) =>
                await ExecuteAsync(id, db, user, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName(nameof(DeleteScoringRule))
            .WithSummary("Delete a lead scoring rule and rescore the open leads (administrators)")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<bool> ExecuteAsync(Guid id, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var rule = await db.LeadScoringRules.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return false;
        }

        db.LeadScoringRules.Remove(rule);
        await db.SaveChangesAsync(ct);
        await RescoreLeads.RescoreOpenLeadsAsync(db, ct);
        return true;
    }
}

/// <summary>Recomputes the scores of the tenant's open leads after the rules changed.</summary>
internal static class RescoreLeads
{
    private const int Batch = 500;

    public static async Task RescoreOpenLeadsAsync(KontorDb db, CancellationToken ct)
    {
        // Every open lead of the tenant, also those the administrator's own access would hide: the rules are the tenant's.
        var after = Guid.Empty;
        while (true)
        {
            var ids = await db.Leads.IgnoreQueryFilters([KontorDb.Filters.RecordAccess])
                .Where(l => l.Status != LeadStatus.Converted && l.Status != LeadStatus.Disqualified && l.Id.CompareTo(after) > 0)
                .OrderBy(l => l.Id).Select(l => l.Id).Take(Batch).ToListAsync(ct);
            if (ids.Count == 0)
            {
                return;
            }

            await LeadScoring.RefreshAsync(db, ids, ct);
            after = ids[^1];
        }
    }
}
