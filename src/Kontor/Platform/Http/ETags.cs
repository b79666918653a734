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

/// <summary>Strong ETags from a record's version, and the <c>If-Match</c> rules for changes.</summary>
public static class ETags
{
    public static string For(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// Reads the version a client expects from <c>If-Match</c>: false when the header is missing (the caller
    /// answers 428); <paramref name="expected"/> is null for <c>*</c> (any version). If-Match compares strongly
    /// (RFC 9110): a weak tag, a list of tags or anything malformed never matches and is answered with 412.
    /// </summary>
    public static bool TryParseIfMatch(string? header, out uint? expected)
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

        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"'
            && uint.TryParse(value[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            expected = version;
            return true;
        }

        expected = 0; // A malformed tag never matches: the client gets 412 with the current ETag.
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
