using Kontor.Features.Activities.Shared;
using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Leads.Scoring;

/// <summary>Computes a lead's score from the tenant's scoring rules and keeps the explanation on the lead.</summary>
internal static class LeadScoring
{
    /// <summary>Recomputes the score of a tracked lead; the caller saves.</summary>
    public static async Task ApplyAsync(KontorDb db, Lead lead, CancellationToken ct)
    {
        var rules = await db.LeadScoringRules.AsNoTracking().OrderBy(r => r.Name).ThenBy(r => r.Id).ToListAsync(ct);
        var activities = rules.Any(r => r.PerActivity) ? await ActivityCountsAsync(db, lead.Id, ct) : [];
        var (score, lines) = Compute(rules, lead, activities);
        lead.SetScore(score, lines);
    }

    /// <summary>Scores many tracked leads (an import batch) with one query for the rules and at most one for their activities; the caller saves.</summary>
    public static async Task ApplyAllAsync(KontorDb db, IReadOnlyList<Lead> leads, CancellationToken ct)
    {
        if (leads.Count == 0)
        {
            return;
        }

        var rules = await db.LeadScoringRules.AsNoTracking().OrderBy(r => r.Name).ThenBy(r => r.Id).ToListAsync(ct);
        var activities = new Dictionary<Guid, Dictionary<ActivityKind, int>>();
        if (rules.Any(r => r.PerActivity))
        {
            var type = SalesObjects.Leads.Key;
            var ids = leads.Select(l => l.Id).ToList();
            var counts = await db.Activities.Where(a => a.TargetType == type && ids.Contains(a.TargetId))
                .GroupBy(a => new { a.TargetId, a.Kind })
                .Select(g => new { g.Key.TargetId, g.Key.Kind, Count = g.Count() })
                .ToListAsync(ct);
            activities = counts.GroupBy(c => c.TargetId).ToDictionary(g => g.Key, g => g.ToDictionary(c => c.Kind, c => c.Count));
        }

        foreach (var lead in leads)
        {
            var (score, lines) = Compute(rules, lead, activities.GetValueOrDefault(lead.Id) ?? []);
            lead.SetScore(score, lines);
        }
    }

    /// <summary>Recomputes the scores of stored leads with one update each (neither version nor change time move: a logged call is no edit of the lead).</summary>
    public static async Task RefreshAsync(KontorDb db, IReadOnlyCollection<Guid> leadIds, CancellationToken ct)
    {
        var rules = await db.LeadScoringRules.AsNoTracking().OrderBy(r => r.Name).ThenBy(r => r.Id).ToListAsync(ct);
        foreach (var id in leadIds)
        {
            var lead = await db.Leads.IgnoreQueryFilters([KontorDb.Filters.RecordAccess]).AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct);
            if (lead is null)
            {
                continue;
            }

            var activities = rules.Any(r => r.PerActivity) ? await ActivityCountsAsync(db, id, ct) : [];
            var (score, lines) = Compute(rules, lead, activities);
            if (score == lead.Score && lines.SequenceEqual(lead.ScoreExplanation))
            {
                continue;
            }

            await db.Leads.IgnoreQueryFilters([KontorDb.Filters.RecordAccess]).Where(l => l.Id == id)
                .ExecuteUpdateAsync(set => set.SetProperty(l => l.Score, score).SetProperty(l => l.ScoreExplanation, lines), ct);
        }
    }

    /// <summary>The score and the rules that gave points, in rule order.</summary>
    public static (int Score, IReadOnlyList<LeadScoreLine> Lines) Compute(
        IEnumerable<LeadScoringRule> rules, Lead lead, IReadOnlyDictionary<ActivityKind, int> activities)
    {
        var lines = new List<LeadScoreLine>();
        foreach (var rule in rules)
        {
            var points = PointsOf(rule, lead, activities);
            if (points != 0)
            {
                lines.Add(new LeadScoreLine(rule.Name, points));
            }
        }

        return (lines.Sum(l => l.Points), lines);
    }

    private static int PointsOf(LeadScoringRule rule, Lead lead, IReadOnlyDictionary<ActivityKind, int> activities)
    {
        bool Is(string? field) => field is not null && string.Equals(field, rule.Value, StringComparison.OrdinalIgnoreCase);
        int PerActivity(ActivityKind kind)
        {
            var points = activities.GetValueOrDefault(kind) * rule.Points;
            return rule.MaxPoints is { } max ? (rule.Points >= 0 ? Math.Min(points, max) : Math.Max(points, -max)) : points;
        }

        return rule.Condition switch
        {
            LeadScoreCondition.SegmentIs => Is(lead.Segment) ? rule.Points : 0,
            LeadScoreCondition.SourceIs => Is(lead.Source) ? rule.Points : 0,
            LeadScoreCondition.CampaignIs => Is(lead.Campaign) ? rule.Points : 0,
            LeadScoreCondition.CountryIs => Is(lead.Address.Country) ? rule.Points : 0,
            LeadScoreCondition.RatingIs => Is(lead.Rating?.ToString()) ? rule.Points : 0,
            LeadScoreCondition.HasPhone => lead.Phone is not null ? rule.Points : 0,
            LeadScoreCondition.HasEmail => lead.Email is not null ? rule.Points : 0,
            LeadScoreCondition.HasCompany => lead.Company is not null ? rule.Points : 0,
            LeadScoreCondition.PerCall => PerActivity(ActivityKind.Call),
            LeadScoreCondition.PerMeeting => PerActivity(ActivityKind.Meeting),
            LeadScoreCondition.PerNote => PerActivity(ActivityKind.Note),
            LeadScoreCondition.PerTask => PerActivity(ActivityKind.Task),
            _ => 0,
        };
    }

    private static async Task<Dictionary<ActivityKind, int>> ActivityCountsAsync(KontorDb db, Guid leadId, CancellationToken ct)
    {
        var type = SalesObjects.Leads.Key;
        return await db.Activities.Where(a => a.TargetType == type && a.TargetId == leadId)
            .GroupBy(a => a.Kind)
            .Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Kind, g => g.Count, ct);
    }
}
