using System.Globalization;
using Kontor.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Http;

/// <summary>A response that carries the version of its record for <c>If-Match</c>.</summary>
public interface IHasETag
{
    string ETag { get; }
}

/// <summary>Reads the version a client expects from an <c>If-Match</c> header; false when the header is missing.</summary>
public delegate bool IfMatchParser<TExpected>(string? header, out TExpected expected);

/// <summary>Strong ETags from a record's version, and the <c>If-Match</c> rules for changes.</summary>
public static class ETags
{
    public static string For(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The ETag of a record whose version is an opaque stamp, such as Identity's concurrency stamp of users.</summary>
    public static string For(string? stamp) => $"\"{stamp}\"";

    /// <summary>
    /// Reads the version a client expects from <c>If-Match</c>: false when the header is missing (the caller
    /// answers 428); <paramref name="expected"/> is null for <c>*</c> (any version). If-Match compares strongly
    /// (RFC 9110): a weak tag, a list of tags or anything malformed never matches and is answered with 412.
    /// </summary>
    public static bool TryParseIfMatch(string? header, out uint? expected)
    {
        if (!TryParseIfMatchStamp(header, out var stamp))
        {
            expected = null;
            return false;
        }

        // A malformed tag never matches: the client gets 412 with the current ETag.
        expected = stamp is null ? null
            : uint.TryParse(stamp, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0;
        return true;
    }

    /// <summary>
    /// Reads the opaque stamp a client expects from <c>If-Match</c>: false when the header is missing, a null
    /// stamp for <c>*</c>; a malformed tag yields an empty stamp, which never matches.
    /// </summary>
    public static bool TryParseIfMatchStamp(string? header, out string? expected)
    {
        expected = null;
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        var value = header.Trim();
        if (value == "*")
        {
            return true;
        }

        // Weak tags (W/"…") and lists never match: the leading W or the comma make them malformed here.
        expected = value.Length >= 2 && value[0] == '"' && value[^1] == '"' && !value[1..^1].Contains('"', StringComparison.Ordinal) ? value[1..^1] : "";
        return true;
    }

    /// <summary>
    /// Throws <see cref="PreconditionFailedException"/> when the record's version is not the expected one, and
    /// makes the save itself fail if someone else writes between this check and the save.
    /// </summary>
    public static void Check<T>(DbContext db, T record, uint? expected)
        where T : RecordEntity
    {
        if (expected is null)
        {
            return;
        }

        if (record.Version != expected)
        {
            throw new PreconditionFailedException(For(record.Version));
        }

        db.Entry(record).Property(r => r.Version).OriginalValue = expected.Value;
    }

    /// <summary>428 for a change sent without <c>If-Match</c>.</summary>
    public static ProblemHttpResult MissingIfMatch() => TypedResults.Problem(
        statusCode: StatusCodes.Status428PreconditionRequired,
        title: "If-Match is required.",
        detail: "Send the ETag you got from GET in an If-Match header, so a change made by someone else in the meantime is not overwritten.");
}
