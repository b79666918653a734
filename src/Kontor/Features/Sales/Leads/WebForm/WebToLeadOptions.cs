using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Kontor.Features.Sales.Leads.WebForm;

/// <summary>Limits of the public web-to-lead form; section <c>Kontor:WebToLead</c>.</summary>
public sealed class WebToLeadOptions
{
    public const string Section = "Kontor:WebToLead";

    /// <summary>Form posts per client address and form key in <see cref="WindowSeconds"/>; the page itself is not limited.</summary>
    public int PermitsPerWindow { get; set; } = 5;

    public int WindowSeconds { get; set; } = 60;
}

internal static class WebToLeadRateLimit
{
    public static IServiceCollection AddWebToLeadRateLimit(this IServiceCollection services)
    {
        services.AddOptions<WebToLeadOptions>().BindConfiguration(WebToLeadOptions.Section);
        services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy(CaptureLead.RateLimitPolicy, context =>
        {
            var options = context.RequestServices.GetRequiredService<IOptions<WebToLeadOptions>>().Value;
            var client = context.Connection.RemoteIpAddress?.ToString() ?? "local";
            var formKey = context.Request.RouteValues["formKey"] as string ?? "";

            // Only posts count: reading the form page is free, sending it is what a robot repeats.
            return HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    client + "|" + formKey,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PermitsPerWindow, Window = TimeSpan.FromSeconds(options.WindowSeconds) })
                : RateLimitPartition.GetNoLimiter("read");
        }));
        return services;
    }
}
