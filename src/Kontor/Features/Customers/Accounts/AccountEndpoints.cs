using Kontor.Platform.Identity;

namespace Kontor.Features.Customers.Accounts;

internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/accounts").WithTags("Accounts").RequireAuthorization(KontorAuth.ApiPolicy);
        ListAccounts.Map(group);
        ListDeletedAccounts.Map(group);
        GetAccount.Map(group);
        CreateAccount.Map(group);
        UpdateAccount.Map(group);
        DeleteAccount.Map(group);
        RestoreAccount.Map(group);
        Duplicates.MergeAccounts.Map(group);
        return app;
    }
}
