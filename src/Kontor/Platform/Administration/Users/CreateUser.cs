using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Platform.Administration.Users;

/// <summary>Body of <c>POST /api/users</c>; also the model of the "New user" form.</summary>
public sealed class CreateUserRequest
{
    /// <summary>The sign-in name; unique across all organisations on this server.</summary>
    [Mandatory, MaxChars(254), Email]
    public string Email { get; set; } = "";

    [Mandatory, MaxChars(100)]
    public string FirstName { get; set; } = "";

    [Mandatory, MaxChars(100)]
    public string LastName { get; set; } = "";

    /// <summary>At least one of Admin, SalesRep, InsideSales, ServiceAgent, TeamLead, WorksCouncil.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>Language and formats: de-DE, de-AT, de-CH, en-GB or en-US.</summary>
    [MaxChars(10)]
    public string Culture { get; set; } = KontorCultures.Default;

    public Guid? ManagerId { get; set; }

    public Guid? SiteId { get; set; }

    public List<Guid> TeamIds { get; set; } = [];

    /// <summary>The user must enrol an authenticator app before using Kontor.</summary>
    public bool MfaRequired { get; set; }

    /// <summary>The initial password; at least 12 characters. Tell it to the user on a separate channel.</summary>
    [Mandatory, MaxChars(200)]
    public string Password { get; set; } = "";
}

internal static class CreateUser
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<UserResponse>> (
                CreateUserRequest request, [AsParameters] UserServices services, CurrentUser user, HttpResponse response, CancellationToken ct) =>
            {
                var created = await ExecuteAsync(request, services, user, ct);
                response.Headers.ETag = created.ETag;
                return TypedResults.Created($"/api/users/{created.Id}", created);
            })
            .WithName(nameof(CreateUser))
            .WithSummary("Create a user in your organisation")
            .WithDescription("E-mail addresses are unique across all organisations (400 on email when taken). The password must follow the password rules (400 on password).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Shared by the endpoint and the "New user" dialog.</summary>
    public static async Task<UserResponse> ExecuteAsync(CreateUserRequest request, UserServices services, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var db = services.Db;
        var errors = AdminFieldErrors.Of(request);
        var roles = UserRules.Roles(request.Roles, errors, "roles");
        UserRules.Culture(request.Culture, errors, "culture");
        await UserRules.ManagerAsync(db, userId: null, request.ManagerId, errors, "managerId", ct);
        await UserRules.SiteAsync(db, request.SiteId, errors, "siteId", ct);
        await UserRules.TeamsAsync(db, request.TeamIds, errors, "teamIds", ct);
        await UserRules.PasswordAsync(services.Users, new KontorUser(), request.Password, errors, "password");
        errors.ThrowIfAny();

        var details = new NewUser(
            Normalize.Email(request.Email)!,
            request.FirstName.Trim(),
            request.LastName.Trim(),
            roles,
            request.Culture,
            request.ManagerId,
            request.SiteId,
            request.MfaRequired);

        // The user, the roles and the team memberships are saved in steps; all or none of them stay.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await services.Directory.CreateUserAsync(user.TenantId, details, request.Password, ct);
        foreach (var teamId in request.TeamIds.Distinct())
        {
            db.TeamMembers.Add(new TeamMember(teamId, created.Id));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (await UserResponse.LoadAsync(db, created.Id, services.Clock.GetUtcNow(), ct))!;
    }
}
