using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kontor.Platform.Logging;
using Microsoft.AspNetCore.Diagnostics;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using ProblemDetails = Microsoft.AspNetCore.Mvc.ProblemDetails;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kontor.Platform.Http;

/// <summary>
/// Turns every exception into RFC 9457 problem+json: malformed input → 400 with the offending field,
/// validation → 400 with field errors, rule violations → 409, stale versions → 412, anything else → 500
/// with a trace id and no internals.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Describe(exception, context);
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            PlatformLog.UnhandledException(log, exception, Activity.Current?.Id ?? context.TraceIdentifier);
        }

        if (exception is PreconditionFailedException stale)
        {
            CurrentETagOnStaleAnswer.Remember(context, stale.CurrentETag);
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Describe(Exception exception, HttpContext context) => exception switch
    {
        RequestValidationException invalid => new HttpValidationProblemDetails(invalid.Errors.ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
        },
        BadHttpRequestException { InnerException: JsonException json } => JsonProblem(json),
        BadHttpRequestException bad when BindingFailure().Match(bad.Message) is { Success: true } failure => new HttpValidationProblemDetails(
            new Dictionary<string, string[]>
            {
                [JsonNamingPolicy.CamelCase.ConvertName(failure.Groups["name"].Value)] = ["The value has the wrong type or format for this field."],
            })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is malformed.",
            Detail = bad.Message,
        },
        BadHttpRequestException bad => new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request is malformed.",
            Detail = bad.Message,
        },
        JsonException json => JsonProblem(json),
        BusinessRuleException rule => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = rule.Message, Extensions = rule.Extensions.ToDictionary() },
        ForbiddenException forbidden => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Not allowed.", Detail = forbidden.Message },
        PreconditionFailedException stale => new ProblemDetails { Status = StatusCodes.Status412PreconditionFailed, Title = "The record was changed.", Detail = stale.Message },
        DbUpdateConcurrencyException => new ProblemDetails
        {
            Status = StatusCodes.Status412PreconditionFailed,
            Title = "The record was changed.",
            Detail = "Someone else changed or deleted the record while you were saving. Reload it and apply your change again.",
        },
        OperationCanceledException when context.RequestAborted.IsCancellationRequested => new ProblemDetails
        {
            Status = 499,
            Title = "The client closed the request.",
        },
        _ => new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = "An unexpected error occurred.",
            Detail = "The error was logged. Quote the trace id when you report it.",
        },
    };

    /// <summary>
    /// Minimal APIs report a query or route value they cannot convert (limit=ten, parent=holding) only in the
    /// message: <c>Failed to bind parameter "Nullable&lt;int&gt; Limit" from "ten".</c>
    /// </summary>
    [GeneratedRegex("""^Failed to bind parameter "[^"]*\s(?<name>[^"\s]+)" from """, RegexOptions.CultureInvariant)]
    private static partial Regex BindingFailure();

    private static HttpValidationProblemDetails JsonProblem(JsonException json)
    {
        var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "$" : json.Path.TrimStart('$', '.');
        var message = json.Message.Contains("could not be mapped", StringComparison.Ordinal)
            ? "This field is not known. Check the spelling against the API reference."
            : json.Path is null or "$" ? "The body is not valid JSON." : "The value has the wrong type or format for this field.";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body could not be read.",
        };
    }
}

/// <summary>
/// Puts the record's current ETag on a 412 answer. The exception handler middleware strips ETag headers from
/// the answers it produces in a response-starting callback; callbacks run last-registered-first, so one
/// registered when the request starts runs after it.
/// </summary>
internal sealed class CurrentETagOnStaleAnswer : IStartupFilter
{
    private static readonly object Key = new();

    public static void Remember(HttpContext context, string currentETag) => context.Items[Key] = currentETag;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            // Only conditional requests can fail a precondition.
            if (context.Request.Headers.IfMatch.Count > 0)
            {
                context.Response.OnStarting(
                    static state =>
                    {
                        var context = (HttpContext)state;
                        if (context.Items.TryGetValue(Key, out var etag) && etag is string value)
                        {
                            context.Response.Headers.ETag = value;
                        }

                        return Task.CompletedTask;
                    },
                    context);
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}

internal static class HttpModule
{
    /// <summary>Largest accepted request body (1 MiB): API records are small; imports have their own limits.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static IServiceCollection AddKontorHttp(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Type ??= $"https://httpstatuses.io/{context.ProblemDetails.Status}";
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddTransient<IStartupFilter, CurrentETagOnStaleAnswer>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options => Configure(options.SerializerOptions));
        return services;
    }

    /// <summary>camelCase, enums as strings, and unknown fields are an error rather than silently dropped.</summary>
    public static void Configure(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
        json.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(allowIntegerValues: false));
        json.MaxDepth = 32;
    }

    public static JsonSerializerOptions SerializerOptions(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
}
