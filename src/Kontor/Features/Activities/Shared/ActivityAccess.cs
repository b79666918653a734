using System.Linq.Expressions;
using Kontor.Features.Activities.Tasks;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Activities.Shared;

/// <summary>
/// Who sees and changes activities. An activity is visible when its target record is (through the target's own query
/// filters) and, besides, a task is visible to its assignee. Changing an activity needs the activity permission and the
/// right to change its target; a task's assignee may also complete it.
/// </summary>
internal sealed class ActivityAccess(KontorDb db, RecordTargets targets, CurrentUser user, AccessScope access)
{
    public KontorDb Db => db;
    public RecordTargets Targets => targets;
    public CurrentUser User => user;
    public AccessScope Scope => access;

    /// <summary>The activities the user may see; every read of activities starts here. <paramref name="deleted"/> reads the recycle bin instead.</summary>
    public IQueryable<Activity> Visible(bool deleted = false)
    {
        var activities = deleted
            ? db.Activities.AsNoTracking().IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).Where(a => a.DeletedAt != null)
            : db.Activities.AsNoTracking();
        if (!access.Has(ActivityObjects.Activities, ObjectPermissions.Read))
        {
            return activities.Where(a => false);
        }

        var userId = user.Id;
        Expression<Func<Activity, bool>> visible = a => a.Kind == ActivityKind.Task && ((TaskItem)a).AssigneeId == userId;
        foreach (var target in targets.All)
        {
            visible = Or(visible, OfTarget(target.Type, target.VisibleIds(db)));
        }

        return activities.Where(visible);
    }

    /// <summary>The activity for a change, tracked (a meeting with its attendees); null when it is not visible or of another kind.</summary>
    public async Task<T?> FindAsync<T>(Guid id, CancellationToken ct, bool deleted = false)
        where T : Activity
    {
        if (!await Visible(deleted).AnyAsync(a => a.Id == id, ct))
        {
            return null;
        }

        var tracked = deleted ? db.Activities.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]) : db.Activities;
        return await tracked.Include(a => ((Meetings.Meeting)a).Attendees).OfType<T>().SingleOrDefaultAsync(a => a.Id == id, ct);
    }

    /// <summary>
    /// Throws <see cref="ForbiddenException"/> unless the user may change the activity: the activity permission and the
    /// right to change its target (a task's assignee may see a task whose record they cannot change).
    /// </summary>
    public async Task RequireChangeAsync(Activity activity, ObjectPermissions permission, CancellationToken ct)
    {
        access.Require(ActivityObjects.Activities, permission);
        var level = targets.Find(activity.TargetType) is { } target ? await target.AccessAsync(db, access, activity.TargetId, ct) : TargetAccess.Invisible;
        if (level != TargetAccess.Changeable)
        {
            throw new ForbiddenException($"You can view this activity but only those who may change its {activity.TargetType} may change it.");
        }
    }

    /// <summary>
    /// Checks that the user may attach activities to the record: false when the record is not visible (404), a
    /// <see cref="ForbiddenException"/> when it is read-only for the user (403).
    /// </summary>
    public async Task<bool> CanChangeTargetAsync(RecordRef target, ObjectPermissions permission, CancellationToken ct)
    {
        if (targets.Find(target.Type) is not { } registered)
        {
            throw RequestValidationException.For("targetType", $"Activities attach to one of: {string.Join(", ", targets.Types.Order(StringComparer.Ordinal))}.");
        }

        var level = await registered.AccessAsync(db, access, target.Id, ct);
        if (level == TargetAccess.Invisible)
        {
            return false;
        }

        access.Require(ActivityObjects.Activities, permission);
        if (level == TargetAccess.ReadOnly)
        {
            throw new ForbiddenException($"You can view this {target.Type} but only its owner, the owner's team or manager may add or change its activities.");
        }

        return true;
    }

    private static Expression<Func<Activity, bool>> OfTarget(string type, IQueryable<Guid> ids) =>
        a => a.TargetType == type && ids.Contains(a.TargetId);

    private static Expression<Func<Activity, bool>> Or(Expression<Func<Activity, bool>> left, Expression<Func<Activity, bool>> right)
    {
        var row = left.Parameters[0];
        var body = new Rebind(right.Parameters[0], row).Visit(right.Body);
        return Expression.Lambda<Func<Activity, bool>>(Expression.OrElse(left.Body, body), row);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
