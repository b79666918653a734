using System.Net;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Tests.Platform.Data;

public sealed class RecordStampInterceptorTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task Save_UserChangedThroughIdentityInsideTheirTenant_IsWritten()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);

        var result = await app.WithUserManagerAsync(admin.TenantId, admin.Id, (users, user) => users.SetTwoFactorEnabledAsync(user, true));

        Assert.True(result.Succeeded);
        Assert.True(await app.InTenantAsync(admin.TenantId, db => db.Users.Where(u => u.Id == admin.Id).Select(u => u.TwoFactorEnabled).SingleAsync(Api.Ct)));
    }

    [Fact]
    public async Task Save_RecordMovedToAnotherTenant_IsRefused()
    {
        var acme = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var globex = await app.CreateTenantWithUserAsync("Globex", Roles.Admin);
        await acme.Client.CreateAccountAsync("Acme's customer");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => app.InTenantAsync(acme.TenantId, async db =>
        {
            var account = await db.Accounts.SingleAsync(Api.Ct);
            db.Entry(account).Property(a => a.TenantId).CurrentValue = globex.TenantId;
            return await db.SaveChangesAsync(Api.Ct);
        }));

        Assert.Contains("another tenant", refused.Message, StringComparison.Ordinal);
        Assert.Single((await acme.Client.GetJsonAsync("/api/accounts")).Ids());
        Assert.Empty((await globex.Client.GetJsonAsync("/api/accounts")).Ids());
    }

    [Fact]
    public async Task Save_ChangedRecord_StampsWhoAndWhenAndANewVersion()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var colleague = await app.CreateUserAsync(rep.TenantId, [Roles.Admin]);
        var account = await rep.Client.CreateAccountAsync("Acme");

        var changed = await colleague.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { segment = "SMB" }, "*").ExpectAsync(HttpStatusCode.OK);

        Assert.True(changed.GetProperty("updatedAt").GetDateTimeOffset() > account.GetProperty("updatedAt").GetDateTimeOffset());
        Assert.Equal(account.GetProperty("createdAt").GetDateTimeOffset(), changed.GetProperty("createdAt").GetDateTimeOffset());
        Assert.NotEqual(account.Str("eTag"), changed.Str("eTag"));
        var updatedBy = await app.InTenantAsync(rep.TenantId, db => db.Accounts.Where(a => a.Id == account.Id()).Select(a => new { a.CreatedBy, a.UpdatedBy }).SingleAsync(Api.Ct));
        Assert.Equal(rep.Id, updatedBy.CreatedBy);
        Assert.Equal(colleague.Id, updatedBy.UpdatedBy);
    }
}
