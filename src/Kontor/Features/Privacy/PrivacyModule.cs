using Kontor.Components.Shared;
using Kontor.Features.Privacy.Consents;
using Kontor.Features.Privacy.Erasure;
using Kontor.Features.Privacy.Export;
using Kontor.Features.Privacy.Requests;
using Kontor.Platform.Identity;

namespace Kontor.Features.Privacy;

/// <summary>Data-subject rights (GDPR Art. 12–21) and consent per contact and purpose; see docs/privacy.md.</summary>
internal static class PrivacyModule
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PrivacyOptions>(configuration.GetSection(PrivacyOptions.Section));
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.AddSingleton<ConsentPurposes>();
        services.AddScoped<ConsentServices>();
        if (!string.IsNullOrWhiteSpace(configuration[$"{SmtpOptions.Section}:Host"]))
        {
            services.AddSingleton<IConsentMailer, SmtpConsentMailer>();
        }
        else
        {
            services.AddSingleton<IConsentMailer, LoggingConsentMailer>();
        }

        services.AddSingleton(new RecordSection(typeof(Pages.PrivacySection), Order: 90));
        return services;
    }

    public static IEndpointRouteBuilder MapPrivacy(this IEndpointRouteBuilder app)
    {
        var privacy = app.MapGroup("/api/privacy").WithTags("Privacy").RequireAuthorization(KontorAuth.ApiPolicy);
        ExportPersonalData.Map(privacy, app);

        var requests = privacy.MapGroup("/requests");
        CreateDataSubjectRequest.Map(requests);
        ListDataSubjectRequests.Map(requests);
        GetDataSubjectRequest.Map(requests);
        UpdateDataSubjectRequest.Map(requests);
        ErasePersonalData.Map(requests);

        var consents = app.MapGroup("/api/contacts").WithTags("Consents").RequireAuthorization(KontorAuth.ApiPolicy);
        ListConsents.Map(consents);
        RecordConsent.Map(consents);
        WithdrawConsent.Map(consents);
        ConfirmConsent.Map(app);
        return app;
    }
}
