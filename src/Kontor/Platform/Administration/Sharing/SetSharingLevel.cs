using Kontor.Platform.Access;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Administration.Sharing;

/// <summary>Body of <c>PUT /api/sharing/{objectKey}</c>.</summary>
public sealed class SetSharingLevelRequest
{
    /// <summary>Private, Read or ReadWrite.</summary>
    public SharingLevel Level { get; set; }
}

internal static class SetSharingLevel
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{objectKey}", async Task<Results<Ok<SharingObjectResponse>, NotFound>> (
                string objectKey, SetSharingLevelRequest request, KontorDb db, CurrentUser user, IEnumerable<SecuredObject> securedObjects, AuditTrail audit,
                ILogger<SetSharingLevelRequest> log, CancellationToken ct) =>
                await ExecuteAsync(objectKey, request, db, user, securedObjects, audit, log, ct) is { } changed ? TypedResults.Ok(changed) : TypedResults.NotFound())
            .WithName(nameof(SetSharingLevel))
            .WithSummary("Set your organisation's sharing level for an object type")
            .WithDescription("Takes effect with every user's next request. 404 for an unknown object key.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Null when no object type has this key.</summary>
    public static async Task<SharingObjectResponse?> ExecuteAsync(
        string objectKey, SetSharingLevelRequest request, KontorDb db, CurrentUser user, IEnumerable<SecuredObject> securedObjects, AuditTrail audit,
        ILogger log, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var securedObject = securedObjects.FirstOrDefault(o => o.Key == objectKey);
        if (securedObject is null)
        {
            return null;
        }

        if (!Enum.IsDefined(request.Level))
        {
            throw RequestValidationException.For("level", AdminMessages.Format("Choose one of: {0}.", string.Join(", ", Enum.GetNames<SharingLevel>())));
        }

        var setting = await db.SharingSettings.SingleOrDefaultAsync(s => s.ObjectKey == objectKey, ct);
        if (setting is null)
        {
            db.SharingSettings.Add(new SharingSetting(objectKey, request.Level));
        }
        else
        {
            setting.Level = request.Level;
        }

        audit.Record(db, AuditAction.PermissionChange, "sharing", new { change = "sharing", @object = objectKey, level = request.Level.ToString() });
        await db.SaveChangesAsync(ct);
        AdminLog.SharingChanged(log, user.Id, objectKey, request.Level.ToString());
        return SharingObjectResponse.Describe(securedObject, new Dictionary<string, SharingLevel> { [objectKey] = request.Level });
    }
}
