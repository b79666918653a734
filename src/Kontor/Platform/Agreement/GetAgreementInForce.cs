using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Agreement;

/// <summary>What the agreement says about one category, as the agreement page and the annex show it.</summary>
public sealed record CategoryRuleResponse(
    string Key,
    string Title,
    string Covers,
    IReadOnlyList<string> Purposes,
    IReadOnlyList<string> Individual,
    int MinGroupSize,
    string Retention,
    IReadOnlyList<string>? Regions,
    bool StrictDefault);

/// <summary>The agreement in force: its version (null for the strict default), purposes, a rule for every category Kontor has, and the text.</summary>
public sealed record AgreementInForceResponse(
    int? Version,
    string Name,
    DateTimeOffset? InForceFrom,
    IReadOnlyList<AgreementPurpose> Purposes,
    IReadOnlyList<CategoryRuleResponse> Categories,
    AgreementRules Rules,
    string Text);

internal static class GetAgreementInForce
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", (KontorDb db, CurrentUser user, AgreementInForce agreements, CancellationToken ct) => ExecuteAsync(db, user, agreements, ct))
            .WithName(nameof(GetAgreementInForce))
            .WithSummary("Get the works agreement in force")
            .WithDescription("Every employee may read the rules that protect their data: the version in force (or the strict default while none is approved), " +
                "with a rule for every category of employee data Kontor has; categories the document leaves out show the strict default.");

    public static async Task<AgreementInForceResponse> ExecuteAsync(KontorDb db, CurrentUser user, AgreementInForce agreements, CancellationToken ct)
    {
        CredentialRules.RequireMfaEnrolled(user);
        var (number, document) = await agreements.GetAsync(db, ct);
        var version = number is null
            ? null
            : await db.AgreementVersions.AsNoTracking().Where(v => v.Number == number).Select(v => new { v.Text, v.InForceFrom }).SingleAsync(ct);
        var categories = EmployeeDataCategories.All.Select(category =>
        {
            var rule = document.RuleFor(category);
            return new CategoryRuleResponse(
                category.Key,
                AgreementMessages.Get(category.Title),
                AgreementMessages.Get(category.Covers),
                rule.Purposes,
                [.. rule.Individual.Select(r => r.ToString())],
                rule.MinGroupSize,
                rule.Retention.ToString(),
                rule.Regions,
                StrictDefault: document.Categories.All(c => c.Category != category.Key));
        }).ToList();
        return new AgreementInForceResponse(number, document.Name, version?.InForceFrom, document.Purposes, categories, document.Rules, version?.Text ?? AgreementDefaults.Text);
    }
}
