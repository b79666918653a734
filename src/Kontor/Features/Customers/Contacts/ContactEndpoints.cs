using Kontor.Platform.Identity;

namespace Kontor.Features.Customers.Contacts;

internal static class ContactEndpoints
{
    public static IEndpointRouteBuilder MapContactEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/contacts").WithTags("Contacts").RequireAuthorization(KontorAuth.ApiPolicy);
        ListContacts.Map(group);
        ListDeletedContacts.Map(group);
        GetContact.Map(group);
        CreateContact.Map(group);
        UpdateContact.Map(group);
        DeleteContact.Map(group);
        RestoreContact.Map(group);
        Duplicates.MergeContacts.Map(group);
        return app;
    }
}
