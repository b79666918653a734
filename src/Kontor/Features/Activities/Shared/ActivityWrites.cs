using Kontor.Platform.Access;
using Kontor.Platform.Records;

namespace Kontor.Features.Activities.Shared;

/// <summary>The steps every kind's create shares: the target is visible (else null, a 404) and changeable (else 403).</summary>
internal static class ActivityWrites
{
    public static async Task<ActivityResponse?> CreateAsync(ActivityAccess access, RecordRef target, Func<Activity> create, CancellationToken ct)
    {
        if (!await access.CanChangeTargetAsync(target, ObjectPermissions.Create, ct))
        {
            return null;
        }

        var activity = create();
        access.Db.Activities.Add(activity);
        await access.Db.SaveChangesAsync(ct);
        return (await ActivityResponse.DescribeAsync(access, [activity], ct))[0];
    }

    /// <summary>Saves a change of a visible activity and answers with its new state.</summary>
    public static async Task<ActivityResponse> SaveAsync(ActivityAccess access, Activity activity, CancellationToken ct)
    {
        await access.Db.SaveChangesAsync(ct);
        return (await ActivityResponse.DescribeAsync(access, [activity], ct))[0];
    }
}
