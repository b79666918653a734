using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Agreement.Gate;

/// <summary>
/// The one door to employee data (docs/works-agreement.md, "How the gate decides"). A feature that shows figures per
/// person asks it which people's individual values the reader may see, and which group statistics may be shown;
/// individual reads it allows of other people are written to the audit log as <see cref="AuditAction.Access"/>
/// entries about the person, which the person sees under "Who saw my data" and the works council in the access log.
/// </summary>
public sealed class EmployeeDataGate(AgreementInForce agreements, OverlapGuard overlap, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The audit log's record type for a person whose employee data was read.</summary>
    public const string SubjectType = "employee";

    private const int MaxManagerDepth = 50;

    /// <summary>
    /// Decides for each subject whether <paramref name="reader"/> sees their individual values of
    /// <paramref name="category"/> for <paramref name="purpose"/>, and logs every allowed read of another person's
    /// values, saved at once: the access happened even if the caller fails later.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, IndividualDecision>> ReadIndividualAsync(
        KontorDb db, CurrentUser reader, EmployeeDataCategory category, IReadOnlyCollection<Guid> subjects, string? purpose, CancellationToken ct)
    {
        var decisions = await DecideAsync(db, reader, category, subjects, purpose, ct);
        await RecordReadsAsync(db, category, decisions, decisions.Keys, purpose, ct);
        return decisions;
    }

    /// <summary>
    /// The decisions alone, without logging: for a feature that shows only some of the allowed people (those with
    /// figures) and logs exactly those with <see cref="RecordReadsAsync"/>.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, IndividualDecision>> DecideAsync(
        KontorDb db, CurrentUser reader, EmployeeDataCategory category, IReadOnlyCollection<Guid> subjects, string? purpose, CancellationToken ct) =>
        await DecideAsync(db, reader, (await agreements.GetAsync(db, ct)).Document, category, subjects, purpose, expired: false, ct);

    private static async Task<IReadOnlyDictionary<Guid, IndividualDecision>> DecideAsync(
        KontorDb db, CurrentUser reader, AgreementDocument agreement, EmployeeDataCategory category, IReadOnlyCollection<Guid> subjects, string? purpose, bool expired, CancellationToken ct)
    {
        var region = await db.Users.AsNoTracking().Where(u => u.Id == reader.Id).Select(u => u.Region).SingleOrDefaultAsync(ct);
        var gateReader = new GateReader(reader.Id, reader.Roles, region);
        var managers = await ManagerChainsAsync(db, subjects, ct);
        return subjects.Distinct().ToDictionary(
            s => s,
            s => IndividualAccess.Decide(agreement, category, gateReader, new GateSubject(s, managers[s]), purpose, expired));
    }

    /// <summary>Logs the reads of <paramref name="shown"/> people's values that were allowed and are not the reader's own, and saves them.</summary>
    public async Task RecordReadsAsync(
        KontorDb db, EmployeeDataCategory category, IReadOnlyDictionary<Guid, IndividualDecision> decisions, IEnumerable<Guid> shown, string? purpose, CancellationToken ct)
    {
        var logged = shown.Distinct().Where(s => decisions.TryGetValue(s, out var d) && d.IsAllowed && !d.IsSelf).ToList();
        foreach (var subject in logged)
        {
            audit.Record(db, AuditAction.Access, new RecordRef(SubjectType, subject), new { category = category.Key, purpose });
        }

        if (logged.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// What <paramref name="reader"/> may see of the figures of a group of people (see <see cref="EmployeeDataView"/>);
    /// logs nothing yet. Figures computed from business records (a quarter's closed deals per owner) are employee data
    /// only while the category's retention period lasts: for a time that ended before it (<paramref name="describesUntil"/>),
    /// other people's individual values are refused and only statistics remain.
    /// </summary>
    public async Task<EmployeeDataView> ViewAsync(
        KontorDb db, CurrentUser reader, EmployeeDataCategory category, IReadOnlyCollection<Guid> people, string? purpose, CancellationToken ct,
        DateTimeOffset? describesUntil = null)
    {
        var (_, agreement) = await agreements.GetAsync(db, ct);
        var rule = agreement.RuleFor(category);
        var expired = describesUntil < rule.Retention.ExpiredBefore(clock.GetUtcNow());
        return new EmployeeDataView(category, await DecideAsync(db, reader, agreement, category, people, purpose, expired, ct), rule.MinGroupSize, rule.Purposes);
    }

    /// <summary>
    /// Which cells of a statistic built on <paramref name="view"/> may be shown: a cell counts only its hidden
    /// contributors (<see cref="EmployeeDataView.Cell"/>), so when the reader may see everyone nothing is suppressed.
    /// </summary>
    public async Task<Suppression> SuppressAsync(
        KontorDb db, CurrentUser reader, EmployeeDataView view, IReadOnlyList<GroupCell> cells, bool totalShown, CancellationToken ct) =>
        view.HiddenCount == 0
            ? new Suppression(new HashSet<string>(), TotalSuppressed: false)
            : (await AggregateAsync(db, reader, view.Category, cells, totalShown, ct)).Suppression;

    /// <summary>Whether the agreement in force allows lists of people ordered by their figures.</summary>
    public async Task<bool> RankingsAllowedAsync(KontorDb db, CancellationToken ct) =>
        (await agreements.GetAsync(db, ct)).Document.Rules.RankingsAllowed;

    /// <summary>
    /// Which cells of a statistic over groups of people may be shown to <paramref name="reader"/>: small cells and
    /// the cells that would reveal them by subtraction are suppressed (<see cref="SmallCells"/>), and so is a cell the
    /// reader could subtract from a group seen shortly before (<see cref="OverlapGuard"/>). The cells shown are
    /// remembered for the next query. Returns the smallest group size that applies, for "fewer than k".
    /// </summary>
    public async Task<(Suppression Suppression, int MinGroupSize)> AggregateAsync(
        KontorDb db, CurrentUser reader, EmployeeDataCategory category, IReadOnlyList<GroupCell> cells, bool totalShown, CancellationToken ct)
    {
        var (_, agreement) = await agreements.GetAsync(db, ct);
        var k = agreement.RuleFor(category).MinGroupSize;
        var primary = SmallCells.Suppress(cells, k, totalShown);
        var differencing = cells
            .Where(c => c.Members.Count > 0 && !primary.IsSuppressed(c.Key) && overlap.WouldDisclose(reader.TenantId, reader.Id, OverlapKey(category, c), c.Members, k))
            .Select(c => c.Key)
            .ToList();
        var suppression = differencing.Count == 0 ? primary : SmallCells.Suppress(cells, k, totalShown, differencing);
        foreach (var cell in cells.Where(c => !suppression.IsSuppressed(c.Key) && c.Members.Count > 0))
        {
            overlap.Remember(reader.TenantId, reader.Id, OverlapKey(category, cell), cell.Members);
        }

        return (suppression, k);
    }

    /// <summary>Groups are compared within one statistic: the category, and the cell's statistic when it names one.</summary>
    private static string OverlapKey(EmployeeDataCategory category, GroupCell cell) =>
        cell.Statistic is null ? category.Key : $"{category.Key}|{cell.Statistic}";

    /// <summary>Each subject's managers, the direct one first, read level by level.</summary>
    private static async Task<Dictionary<Guid, IReadOnlyList<Guid>>> ManagerChainsAsync(KontorDb db, IReadOnlyCollection<Guid> subjects, CancellationToken ct)
    {
        var managerOf = new Dictionary<Guid, Guid?>();
        var unknown = subjects.Distinct().ToList();
        for (var depth = 0; depth <= MaxManagerDepth && unknown.Count > 0; depth++)
        {
            var rows = await db.Users.AsNoTracking().Where(u => unknown.Contains(u.Id)).Select(u => new { u.Id, u.ManagerId }).ToListAsync(ct);
            foreach (var id in unknown)
            {
                managerOf[id] = rows.FirstOrDefault(r => r.Id == id)?.ManagerId;
            }

            unknown = [.. rows.Select(r => r.ManagerId).OfType<Guid>().Distinct().Where(m => !managerOf.ContainsKey(m))];
        }

        return subjects.Distinct().ToDictionary(s => s, s =>
        {
            var chain = new List<Guid>();
            for (var m = managerOf.GetValueOrDefault(s); m is { } manager && chain.Count < MaxManagerDepth && !chain.Contains(manager) && manager != s; m = managerOf.GetValueOrDefault(manager))
            {
                chain.Add(manager);
            }

            return (IReadOnlyList<Guid>)chain;
        });
    }
}
