using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Kontor.Features.Customers.Shared;
using Kontor.Features.Sales.Pipelines;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Kontor.Resources;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Opportunities;

/// <summary>
/// An opportunity as clients send it: the body of <c>POST /api/opportunities</c>, the result of applying a
/// <c>PATCH</c> to the stored opportunity, and the model of the opportunity form.
/// </summary>
public sealed partial class OpportunityRequest
{
    [Mandatory, MaxChars(200)]
    public string Name { get; set; } = "";

    /// <summary>The customer; an account the user can see. Required.</summary>
    public Guid? AccountId { get; set; }

    /// <summary>The field-sales owner; the account's owner when left out on create.</summary>
    public Guid? OwnerId { get; set; }

    /// <summary>The supporting inside-sales team; the account's team when left out on create.</summary>
    public Guid? InsideSalesTeamId { get; set; }

    /// <summary>The tenant's default pipeline when left out; an opportunity stays in its pipeline.</summary>
    public Guid? PipelineId { get; set; }

    /// <summary>The first open stage when left out on create. A changed stage is a stage move with its checks.</summary>
    public Guid? StageId { get; set; }

    /// <summary>Expected revenue in minor units (cents) of <see cref="Currency"/>.</summary>
    [Range(0, long.MaxValue)]
    public long? Amount { get; set; }

    /// <summary>ISO 4217 code; the tenant's default currency when left out.</summary>
    [MaxChars(3)]
    public string? Currency { get; set; }

    public DateOnly? CloseDate { get; set; }

    [MaxChars(500)]
    public string? NextStep { get; set; }

    [MaxChars(100)]
    public string? LeadSource { get; set; }

    /// <summary>Who else the customer talks to, free text.</summary>
    [MaxChars(500)]
    public string? Competitors { get; set; }

    /// <summary>Why the deal was lost; required to move it to a lost stage.</summary>
    [MaxChars(200)]
    public string? LossReason { get; set; }

    [MaxChars(4000)]
    public string? Description { get; set; }

    public static OpportunityRequest From(Opportunity o) => new()
    {
        Name = o.Name,
        AccountId = o.AccountId,
        OwnerId = o.OwnerId,
        InsideSalesTeamId = o.InsideSalesTeamId,
        PipelineId = o.PipelineId,
        StageId = o.StageId,
        Amount = o.Amount,
        Currency = o.Currency,
        CloseDate = o.CloseDate,
        NextStep = o.NextStep,
        LeadSource = o.LeadSource,
        Competitors = o.Competitors,
        LossReason = o.LossReason,
        Description = o.Description,
    };

    /// <summary>What a valid request resolves to: the normalised fields, the pipeline and the stage asked for.</summary>
    internal sealed record Resolved(OpportunityFields Fields, Pipeline Pipeline, PipelineStage Stage);

    /// <summary>
    /// Validates the request, checks its references and fills the defaults; throws
    /// <see cref="Platform.Http.RequestValidationException"/> listing every problem at once. <paramref name="stored"/> is the
    /// opportunity being changed, null when one is created.
    /// </summary>
    internal async Task<Resolved> ResolveAsync(Opportunity? stored, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        var errors = new FieldErrors(RequestValidator.Validate(this));
        var account = AccountId is { } accountId && accountId != stored?.AccountId
            ? await db.Accounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => new { a.OwnerId, a.InsideSalesTeamId }).SingleOrDefaultAsync(ct)
            : null;
        if (AccountId is null)
        {
            errors.Add("accountId", ValidationMessages.Mandatory);
        }
        else if (AccountId != stored?.AccountId && account is null)
        {
            errors.Add("accountId", ValidationMessages.UnknownAccount);
        }

        Guid owner;
        if (stored is null && OwnerId is null)
        {
            owner = account?.OwnerId ?? user.Id;
        }
        else
        {
            owner = await References.OwnerAsync(db, user, OwnerId, stored?.OwnerId, errors, "ownerId", ct);
        }

        var team = stored is null && InsideSalesTeamId is null ? account?.InsideSalesTeamId : InsideSalesTeamId;
        await References.TeamAsync(db, InsideSalesTeamId, stored?.InsideSalesTeamId, errors, "insideSalesTeamId", ct);

        var currency = Normalize.Upper(Currency);
        if (currency is null)
        {
            currency = stored is null ? await db.Tenants.Select(t => t.DefaultCurrency).SingleAsync(ct) : null;
            if (currency is null)
            {
                errors.Add("currency", ValidationMessages.Mandatory);
            }
        }
        else if (!CurrencyCode().IsMatch(currency))
        {
            errors.Add("currency", OpportunityMessages.Get("Use a three-letter ISO 4217 code such as EUR."));
        }

        Pipeline? pipeline;
        if (stored is not null)
        {
            pipeline = await db.Pipelines.SingleAsync(p => p.Id == stored.PipelineId, ct);
            if (PipelineId is not null && PipelineId != stored.PipelineId)
            {
                errors.Add("pipelineId", OpportunityMessages.Get("An opportunity stays in its pipeline. Close it and open a new one in the other pipeline."));
            }
        }
        else if (PipelineId is { } pipelineId)
        {
            pipeline = await db.Pipelines.SingleOrDefaultAsync(p => p.Id == pipelineId, ct);
            if (pipeline is null)
            {
                errors.Add("pipelineId", OpportunityMessages.Get("There is no such pipeline."));
            }
            else if (pipeline.IsArchived)
            {
                errors.Add("pipelineId", OpportunityMessages.Get("This pipeline is archived and takes no new opportunities."));
            }
        }
        else
        {
            pipeline = await DefaultPipeline.GetOrCreateAsync(db, ct);
        }

        PipelineStage? stage = null;
        if (pipeline is not null)
        {
            var stageId = StageId ?? stored?.StageId;
            stage = stageId is null ? pipeline.FirstOpenStage() : pipeline.Stages.SingleOrDefault(s => s.Id == stageId);
            if (stage is null)
            {
                errors.Add("stageId", OpportunityMessages.Get("Choose a stage of the opportunity's pipeline."));
            }
        }

        errors.ThrowIfAny();
        var fields = new OpportunityFields(
            Name.Trim(),
            AccountId!.Value,
            owner,
            team,
            Amount,
            currency!,
            CloseDate,
            Normalize.Text(NextStep),
            Normalize.Text(LeadSource),
            Normalize.Text(Competitors),
            Normalize.Text(LossReason),
            Normalize.Text(Description));
        return new Resolved(fields, pipeline!, stage!);
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}

/// <summary>What an opportunity must have before it enters a stage: the stage's required fields, and a loss reason for a lost stage.</summary>
internal static class StageRequirements
{
    /// <summary>The fields <paramref name="opportunity"/> leaves empty that <paramref name="stage"/> needs.</summary>
    public static IReadOnlyList<string> Missing(Opportunity opportunity, PipelineStage stage)
    {
        var required = stage.RequiredFields.ToList();
        if (stage.Outcome == StageOutcome.Lost && !required.Contains(OpportunityRequiredFields.LossReason))
        {
            required.Add(OpportunityRequiredFields.LossReason);
        }

        return OpportunityRequiredFields.Missing(opportunity, OpportunityRequiredFields.All.Where(required.Contains));
    }

    /// <summary>
    /// Throws a 409 whose title names the missing fields by their labels in the caller's language, with an error per
    /// field (<c>errors</c>) and the field names (<c>missingFields</c>) as further members.
    /// </summary>
    public static void Require(Opportunity opportunity, PipelineStage stage)
    {
        var missing = Missing(opportunity, stage);
        if (missing.Count == 0)
        {
            return;
        }

        var labels = string.Join(", ", missing.Select(OpportunityMessages.FieldLabel));
        var perField = OpportunityMessages.Format("Required for the stage '{0}'.", stage.Name);
        throw new Platform.Http.BusinessRuleException(OpportunityMessages.Format("Fill in {0} before moving the opportunity to '{1}'.", labels, stage.Name))
        {
            Extensions = new Dictionary<string, object?>
            {
                ["errors"] = missing.ToDictionary(RequestValidator.JsonName, _ => new[] { perField }),
                ["missingFields"] = missing,
                ["stageId"] = stage.Id,
            },
        };
    }
}
