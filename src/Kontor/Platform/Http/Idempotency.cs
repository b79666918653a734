using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartz;

namespace Kontor.Platform.Http;

/// <summary>
/// The answer to a <c>POST</c> sent with an <c>Idempotency-Key</c>, kept so a client that retries after a
/// timeout gets the same answer instead of creating the record twice.
/// </summary>
public sealed class IdempotentRequest : TenantEntity
{
    private IdempotentRequest() { } // For EF Core.

    public IdempotentRequest(Guid userId, string key, string requestHash, DateTimeOffset now)
    {
        UserId = userId;
        Key = key;
        RequestHash = requestHash;
        CreatedAt = now;
        ExpiresAt = now + Idempotency.Retention;
    }

    public Guid UserId { get; private set; }
    public string Key { get; private set; } = "";

    /// <summary>SHA-256 of method, path and body: a key reused for another request is refused.</summary>
    public string RequestHash { get; private set; } = "";

    /// <summary>Null while the first request is still running.</summary>
    public int? StatusCode { get; private set; }

    public string? ResponseBody { get; private set; }
    public string? Location { get; private set; }
    public string? ETag { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }

    public void Complete(int statusCode, string? body, string? location, string? etag)
    {
        StatusCode = statusCode;
        ResponseBody = body;
        Location = location;
        ETag = etag;
    }
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> request)
    {
        request.ToTable("IdempotentRequests");
        request.Property(r => r.Key).HasMaxLength(Idempotency.MaxKeyLength);
        request.Property(r => r.RequestHash).HasMaxLength(64);
        request.Property(r => r.Location).HasMaxLength(500);
        request.Property(r => r.ETag).HasMaxLength(50);
        request.HasIndex(r => new { r.TenantId, r.UserId, r.Key }).IsUnique();
        request.HasIndex(r => r.ExpiresAt);
    }
}

/// <summary>
/// <c>Idempotency-Key</c> support for creating endpoints: the first request runs and its successful answer is
/// stored for <see cref="Retention"/>; a retry with the same key and body gets that answer again
/// (<c>Idempotent-Replayed: true</c>), the same key with another body 422, a retry while the first still runs 409.
/// Failed requests release the key, so a corrected retry may reuse it.
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 100;
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter<IdempotencyFilter>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private sealed class IdempotencyFilter(IDbContextFactory<KontorDb> databases, CurrentUser user, TimeProvider clock) : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var http = context.HttpContext;
            string? key = http.Request.Headers[Header];
            if (string.IsNullOrEmpty(key) || !user.IsAuthenticated)
            {
                return await next(context);
            }

            if (key.Length > MaxKeyLength)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"The {Header} header may have at most {MaxKeyLength} characters.");
            }

            var options = http.RequestServices.SerializerOptions();
            var hash = Hash(http, context.Arguments, options);
            var now = clock.GetUtcNow();
            await using var db = await databases.CreateDbContextAsync(http.RequestAborted);
            var stored = await db.Set<IdempotentRequest>().SingleOrDefaultAsync(r => r.UserId == user.Id && r.Key == key, http.RequestAborted);
            if (stored is not null && stored.ExpiresAt <= now)
            {
                db.Remove(stored);
                await db.SaveChangesAsync(http.RequestAborted);
                stored = null;
            }

            if (stored is not null)
            {
                return Replay(stored, hash, http);
            }

            var record = new IdempotentRequest(user.Id, key, hash, now);
            db.Add(record);
            try
            {
                await db.SaveChangesAsync(http.RequestAborted);
            }
            catch (DbUpdateException)
            {
                // The same key arrived twice at once; the other request owns it.
                return InProgress();
            }

            object? result;
            try
            {
                result = await next(context);
            }
            catch
            {
                await Release(db, record);
                throw;
            }

            // A Results<…> union (Created or NotFound) carries the actual result inside.
            var outcome = result is INestedHttpResult nested ? nested.Result : result;
            if (outcome is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } success)
            {
                var body = outcome is IValueHttpResult { Value: { } value } ? JsonSerializer.Serialize(value, value.GetType(), options) : null;
                record.Complete(success.StatusCode.Value, body, LocationOf(outcome) ?? http.Response.Headers.Location, http.Response.Headers.ETag);
                await db.SaveChangesAsync(CancellationToken.None);
            }
            else
            {
                await Release(db, record);
            }

            return result;
        }

        private static async Task Release(KontorDb db, IdempotentRequest record)
        {
            db.Remove(record);
            await db.SaveChangesAsync(CancellationToken.None);
        }

        /// <summary>The Location of a Created result, which is written to the response only after the filter.</summary>
        private static string? LocationOf(object result) =>
            result.GetType().GetProperty(nameof(Created.Location))?.GetValue(result) as string;

        private static object Replay(IdempotentRequest stored, string hash, HttpContext http)
        {
            if (stored.RequestHash != hash)
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: $"This {Header} was used for a different request.",
                    detail: "Use a new key for a new request; reuse a key only to retry exactly the same request.");
            }

            if (stored.StatusCode is not { } status)
            {
                return InProgress();
            }

            http.Response.Headers["Idempotent-Replayed"] = "true";
            if (stored.Location is not null)
            {
                http.Response.Headers.Location = stored.Location;
            }

            if (stored.ETag is not null)
            {
                http.Response.Headers.ETag = stored.ETag;
            }

            return stored.ResponseBody is null
                ? TypedResults.StatusCode(status)
                : TypedResults.Text(stored.ResponseBody, "application/json", Encoding.UTF8, status);
        }

        private static ProblemHttpResult InProgress() => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "A request with this Idempotency-Key is still being processed.",
            detail: "Retry after it has finished to get its answer.");

        private static string Hash(HttpContext http, IList<object?> arguments, JsonSerializerOptions options)
        {
            // The body arguments (request objects), not the injected services, identify the request.
            var body = arguments.Where(a => a is not null && a.GetType().Name.EndsWith("Request", StringComparison.Ordinal) && a.GetType().Namespace?.StartsWith("Kontor", StringComparison.Ordinal) == true);
            var text = $"{http.Request.Method} {http.Request.Path}\n{string.Join("\n", body.Select(a => JsonSerializer.Serialize(a, a!.GetType(), options)))}";
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        }
    }
}

/// <summary>Deletes stored idempotent answers after their retention; runs hourly.</summary>
[DisallowConcurrentExecution]
public sealed class IdempotencyCleanup(KontorDb db, Tenancy.SystemScope system, TimeProvider clock) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        using (system.Enter("expired idempotency keys"))
        {
            await db.Set<IdempotentRequest>().Where(r => r.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
