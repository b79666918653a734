using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Leads.Assignment;

/// <summary>What the assignment rules decided for a lead.</summary>
/// <param name="OwnerId">The new owner; null: the lead waits in the queue.</param>
/// <param name="TeamId">The team of a round-robin rule, else the lead's team as it was.</param>
/// <param name="RuleName">The rule that matched; null when none did.</param>
public sealed record AssignmentDecision(Guid? OwnerId, Guid? TeamId, string? RuleName);

/// <summary>Applies the tenant's assignment rules to a lead: in order, the first rule that matches and can hand the lead to someone wins.</summary>
internal static class LeadAssignment
{
    /// <summary>
    /// Decides and sets the lead's owner. Must run inside a transaction that also saves the lead: a round robin
    /// advances its persisted counter with one atomic update, whose row lock keeps concurrent captures apart.
    /// </summary>
    public static async Task<AssignmentDecision> AssignAsync(KontorDb db, Lead lead, CancellationToken ct)
    {
        var decision = await DecideAsync(db, lead.Segment, lead.Address.Country, lead.Address.PostalCode, lead.TeamId, ct);
        lead.AssignTo(decision.OwnerId, decision.TeamId);
        return decision;
    }

    public static async Task<AssignmentDecision> DecideAsync(KontorDb db, string? segment, string? country, string? postalCode, Guid? team, CancellationToken ct)
    {
        var rules = await db.LeadAssignmentRules.AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);
        foreach (var rule in rules.Where(r => r.Matches(segment, country, postalCode)))
        {
            if (rule.AssignToUserId is { } userId)
            {
                // A rule naming a deactivated user cannot hand out leads; the next rule gets its chance.
                if (await db.Users.AnyAsync(u => u.Id == userId && u.IsActive, ct))
                {
                    return new AssignmentDecision(userId, team, rule.Name);
                }
            }
            else if (rule.RoundRobinTeamId is { } teamId && await NextMemberAsync(db, rule.Id, teamId, ct) is { } member)
            {
                return new AssignmentDecision(member, teamId, rule.Name);
            }
        }

        return new AssignmentDecision(null, team, null);
    }

    /// <summary>
    /// Decides and sets the owners of many leads (an import batch) as <see cref="AssignAsync"/> would one after the
    /// other, with a fixed number of queries: rules, active users and team members are read once, and each round
    /// robin advances its counter once by the number of turns it hands out. Must run inside the transaction that
    /// saves the leads. Returns how many leads got an owner.
    /// </summary>
    public static async Task<int> AssignAllAsync(KontorDb db, IReadOnlyList<Lead> leads, CancellationToken ct)
    {
        if (leads.Count == 0)
        {
            return 0;
        }

        var rules = await db.LeadAssignmentRules.AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);
        if (rules.Count == 0)
        {
            return 0;
        }

        var userIds = rules.Select(r => r.AssignToUserId).OfType<Guid>().Distinct().ToList();
        var activeUsers = userIds.Count == 0 ? [] : await db.Users.Where(u => userIds.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToHashSetAsync(ct);
        var teamIds = rules.Select(r => r.RoundRobinTeamId).OfType<Guid>().Distinct().ToList();
        var teamMembers = teamIds.Count == 0 ? [] : (await db.TeamMembers.Where(m => teamIds.Contains(m.TeamId))
                .Join(db.Users.Where(u => u.IsActive), m => m.UserId, u => u.Id, (m, u) => new { m.TeamId, UserId = u.Id })
                .OrderBy(m => m.UserId)
                .ToListAsync(ct))
            .GroupBy(m => m.TeamId)
            .ToDictionary(g => g.Key, g => g.Select(m => m.UserId).Distinct().ToList()); // The database's order, as NextMemberAsync has it.

        // Round-robin turns are handed out after all decisions, in the leads' order, so the sequence is the one
        // single captures would have produced.
        var turns = new Dictionary<Guid, List<Lead>>();
        var assigned = 0;
        foreach (var lead in leads)
        {
            foreach (var rule in rules.Where(r => r.Matches(lead.Segment, lead.Address.Country, lead.Address.PostalCode)))
            {
                if (rule.AssignToUserId is { } userId)
                {
                    if (activeUsers.Contains(userId))
                    {
                        lead.AssignTo(userId, lead.TeamId);
                        assigned++;
                        break;
                    }
                }
                else if (rule.RoundRobinTeamId is { } teamId && teamMembers.GetValueOrDefault(teamId) is { Count: > 0 })
                {
                    (turns.TryGetValue(rule.Id, out var queue) ? queue : turns[rule.Id] = []).Add(lead);
                    assigned++;
                    break;
                }
            }
        }

        foreach (var (ruleId, queued) in turns)
        {
            var teamId = rules.First(r => r.Id == ruleId).RoundRobinTeamId!.Value;
            var members = teamMembers[teamId];
            var count = queued.Count;
            await db.LeadAssignmentRules.Where(r => r.Id == ruleId)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.RoundRobinCounter, r => r.RoundRobinCounter + count), ct);
            var counter = await db.LeadAssignmentRules.AsNoTracking().Where(r => r.Id == ruleId).Select(r => r.RoundRobinCounter).SingleAsync(ct);
            for (var i = 0; i < count; i++)
            {
                queued[i].AssignTo(members[(int)((counter - count + i) % members.Count)], teamId);
            }
        }

        return assigned;
    }

    /// <summary>The team member whose turn it is (active members in a fixed order), or null for a team without active members.</summary>
    private static async Task<Guid?> NextMemberAsync(KontorDb db, Guid ruleId, Guid teamId, CancellationToken ct)
    {
        var members = await db.TeamMembers.Where(m => m.TeamId == teamId)
            .Join(db.Users.Where(u => u.IsActive), m => m.UserId, u => u.Id, (m, u) => u.Id)
            .OrderBy(id => id)
            .ToListAsync(ct);
        if (members.Count == 0)
        {
            return null;
        }

        await db.LeadAssignmentRules.Where(r => r.Id == ruleId)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.RoundRobinCounter, r => r.RoundRobinCounter + 1), ct);
        var counter = await db.LeadAssignmentRules.AsNoTracking().Where(r => r.Id == ruleId).Select(r => r.RoundRobinCounter).SingleAsync(ct);
        return members[(int)((counter - 1) % members.Count)];
    }
}
