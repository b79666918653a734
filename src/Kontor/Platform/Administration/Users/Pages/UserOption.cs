namespace Kontor.Platform.Administration.Users.Pages;

/// <summary>A user offered in a picker: the id and what the administrator reads.</summary>
public sealed record UserOption(Guid Id, string Name)
{
    public static UserOption From(UserResponse user) => new(user.Id, $"{user.DisplayName} ({user.Email})");
}
