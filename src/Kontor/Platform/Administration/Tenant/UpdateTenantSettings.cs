using System.Text.Json.Nodes;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Tenancy;
using Kontor.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Administration.Tenant;

internal static class UpdateTenantSettings
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPatch("/", async (JsonObject patch, HttpRequest http, KontorDb db, CurrentUser user, SystemScope system, CancellationToken ct) =>
            {
                var current = await GetTenantSettings.ExecuteAsync(db, user, ct);
                var request = JsonMergePatch.Apply(TenantSettingsRequest.From(current), patch, http.HttpContext.RequestServices.SerializerOptions());
                return await ExecuteAsync(request, db, user, system, ct);
            })
            .WithName(nameof(UpdateTenantSettings))
            .WithSummary("Change your organisation's settings")
            .WithDescription("A JSON merge patch (RFC 7396) of name, defaultCountry and requireMfa. With requireMfa, users without an authenticator app must enrol one at their next sign-in.")
            .Accepts<TenantSettingsRequest>("application/json", JsonMergePatch.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Shared by the endpoint and the roles and settings page.</summary>
    public static async Task<TenantSettingsResponse> ExecuteAsync(TenantSettingsRequest request, KontorDb db, CurrentUser user, SystemScope system, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var errors = AdminFieldErrors.Of(request);

        // Tenant names are unique on the server (they name the organisation in the admin command line); only
        // a system scope sees the other tenants. Without an error the name is there: Mandatory refuses null.
        if (!errors.Has("name"))
        {
            var name = request.Name.Trim();
            bool taken;
            using (system.Enter("check that a tenant name is free"))
            {
                taken = await db.Tenants.AnyAsync(t => t.Name == name && t.Id != user.TenantId, ct);
            }

            if (taken)
            {
                errors.Add("name", AdminMessages.Get("Another organisation on this server already has this name."));
            }
        }

        errors.ThrowIfAny();
        var tenant = await db.Tenants.SingleAsync(t => t.Id == user.TenantId, ct);
        tenant.Rename(request.Name.Trim());
        tenant.SetDefaultCountry(Normalize.Upper(request.DefaultCountry)!);
        tenant.SetMfaRequired(request.RequireMfa);
        await db.SaveChangesAsync(ct);
        return await GetTenantSettings.ExecuteAsync(db, user, ct);
    }
}
