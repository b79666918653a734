using Kontor.Platform.Administration;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Kontor.Resources;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Retention.Rules;

/// <summary>Body of <c>PUT /api/retention/rules</c>; also the model of the rules form. Every field is required in the API; the defaults are those of a tenant that never changed them.</summary>
public sealed class RetentionRulesRequest
{
    /// <summary>Whether leads not converted within <see cref="StaleLeadMonths"/> of their last change are removed.</summary>
    public bool StaleLeadsEnabled { get; set; } = RetentionRules.Default.StaleLeadsEnabled;

    /// <summary>1–120 months after the lead's last change (its own or an activity's).</summary>
    public int StaleLeadMonths { get; set; } = RetentionRules.Default.StaleLeadMonths;

    /// <summary><c>Anonymise</c> (the lead stays for statistics) or <c>Delete</c> (purged with everything attached).</summary>
    public RetentionAction StaleLeadAction { get; set; } = RetentionRules.Default.StaleLeadAction;

    /// <summary>Whether records deleted more than <see cref="RecycleBinDays"/> ago are purged.</summary>
    public bool RecycleBinEnabled { get; set; } = RetentionRules.Default.RecycleBinEnabled;

    /// <summary>1–3650 days a deleted record stays restorable.</summary>
    public int RecycleBinDays { get; set; } = RetentionRules.Default.RecycleBinDays;

    public static RetentionRulesRequest From(RetentionRules rules) => new()
    {
        StaleLeadsEnabled = rules.StaleLeadsEnabled,
        StaleLeadMonths = rules.StaleLeadMonths,
        StaleLeadAction = rules.StaleLeadAction,
        RecycleBinEnabled = rules.RecycleBinEnabled,
        RecycleBinDays = rules.RecycleBinDays,
    };

    /// <summary>Throws with every field error at once.</summary>
    internal RetentionRules Validate()
    {
        var errors = RequestValidator.Validate(this);
        if (StaleLeadMonths is < RetentionRules.MinStaleLeadMonths or > RetentionRules.MaxStaleLeadMonths)
        {
            errors["staleLeadMonths"] = [RetentionText.Format("Enter between {0} and {1}.", RetentionRules.MinStaleLeadMonths, RetentionRules.MaxStaleLeadMonths)];
        }

        if (RecycleBinDays is < RetentionRules.MinRecycleBinDays or > RetentionRules.MaxRecycleBinDays)
        {
            errors["recycleBinDays"] = [RetentionText.Format("Enter between {0} and {1}.", RetentionRules.MinRecycleBinDays, RetentionRules.MaxRecycleBinDays)];
        }

        if (!Enum.IsDefined(StaleLeadAction))
        {
            errors["staleLeadAction"] = [RetentionText.Message("Choose Anonymise or Delete.")];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        return new RetentionRules(StaleLeadsEnabled, StaleLeadMonths, StaleLeadAction, RecycleBinEnabled, RecycleBinDays);
    }
}

internal static class UpdateRetentionRules
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/rules", (RetentionRulesRequest request, KontorDb db, CurrentUser user, TimeProvider clock, AuditTrail audit, CancellationToken ct) =>
                ExecuteAsync(request, db, user, clock, audit, ct))
            .WithName(nameof(UpdateRetentionRules))
            .WithSummary("Change the customer-data retention rules")
            .WithDescription("Applies from the next run. Legal holds and statutory periods are respected whatever the rules say. Administrators only.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Shared by the endpoint and the retention page.</summary>
    public static async Task<RetentionRules> ExecuteAsync(RetentionRulesRequest request, KontorDb db, CurrentUser user, TimeProvider clock, AuditTrail audit, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var rules = request.Validate();
        var settings = await db.RetentionSettings.FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new RetentionSettings();
            db.RetentionSettings.Add(settings);
        }

        settings.Apply(rules, user.ActorId, clock.GetUtcNow());
        audit.Record(db, AuditAction.Update, "retentionRules", new
        {
            rules.StaleLeadsEnabled,
            rules.StaleLeadMonths,
            staleLeadAction = rules.StaleLeadAction.ToString(),
            rules.RecycleBinEnabled,
            rules.RecycleBinDays,
        });
        await db.SaveChangesAsync(ct);
        return rules;
    }
}
