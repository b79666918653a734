using Kontor.Features.Sales.Forecasts;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Targets;

/// <summary>Reads shared by the target use cases.</summary>
internal static class TargetReads
{
    public static FigureSubjects SubjectOf(SalesTarget target) =>
        target.SubjectKind == SubjectKind.Team ? FigureSubjects.Team(target.SubjectId) : FigureSubjects.User(target.SubjectId);

    /// <summary>The target with its actual, read through <see cref="SalesFigures"/>.</summary>
    public static async Task<TargetResponse> DescribeAsync(SalesTarget target, SalesFigures figures, CancellationToken ct)
    {
        var period = SalesPeriod.TryParse(target.Period)!;
        var all = await figures.TargetsAsync(SubjectOf(target), period, purpose: null, ct);
        return all.Figures.Single(t => t.Id == target.Id);
    }

    /// <summary>The tracked target when the caller may see it (else null, a 404) and may set it (else 403).</summary>
    public static async Task<SalesTarget?> FindForChangeAsync(Guid id, KontorDb db, SalesFigures figures, CancellationToken ct)
    {
        var target = await db.SalesTargets.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (target is null)
        {
            return null;
        }

        var subject = SubjectOf(target);
        if (!await figures.MaySetTargetAsync(subject, ct))
        {
            var visible = target.SubjectKind == SubjectKind.User && await figures.MaySeeAsync([target.SubjectId], ct);
            return visible ? throw new ForbiddenException("Administrators set targets, and team leads those of their teams and their members.") : null;
        }

        return target;
    }
}
