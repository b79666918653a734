using Kontor.Platform.Agreement.Versions;
using Kontor.Platform.Identity;

namespace Kontor.Platform.Agreement;

/// <summary>The works agreement as code (docs/works-agreement.md): the document, its versions and their approval by both parties.</summary>
internal static class AgreementModule
{
    public static IServiceCollection AddWorksAgreement(this IServiceCollection services) =>
        services.AddSingleton<AgreementInForce>();

    public static IEndpointRouteBuilder MapWorksAgreement(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/works-agreement").WithTags("Works agreement").RequireAuthorization(KontorAuth.ApiPolicy);
        GetAgreementInForce.Map(group);
        ValidateAgreement.Map(group);
        ListAgreementVersions.Map(group);
        GetAgreementVersion.Map(group);
        ProposeAgreement.Map(group);
        ApproveAgreement.Map(group);
        CloseAgreementProposal.Map(group);
        return app;
    }
}
