using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Identity;

/// <summary>Saves the user's language and formats; the UI then reloads with the culture cookie set.</summary>
public static class ChangeCulture
{
    public static async Task ExecuteAsync(string culture, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        if (!KontorCultures.IsSupported(culture))
        {
            throw RequestValidationException.For("culture", $"Choose one of: {string.Join(", ", KontorCultures.Supported)}.");
        }

        var stored = await db.Users.SingleAsync(u => u.Id == user.Id, ct);
        stored.Culture = culture;
        await db.SaveChangesAsync(ct);
    }
}
