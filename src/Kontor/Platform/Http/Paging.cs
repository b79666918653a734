using System.Buffers.Text;
using System.Text.Json;

namespace Kontor.Platform.Http;

/// <summary>One page of a keyset-paged list.</summary>
/// <param name="Items">The records of this page.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> to get the next page; null on the last page.</param>
/// <param name="Total">Number of matching records, counted up to <see cref="Paging.CountCap"/>.</param>
/// <param name="TotalIsCapped">True when there are more than <see cref="Paging.CountCap"/> matches ("10000+").</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor, int Total, bool TotalIsCapped);

/// <summary>Keyset paging: limits, the opaque cursor and the capped count.</summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Counts stop here so a list over millions of rows stays fast ("10000+").</summary>
    public const int CountCap = 10_000;

    /// <summary>Checks <c>limit</c> and returns the effective page size.</summary>
    public static int Limit(int? limit)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw RequestValidationException.For("limit", $"Use a limit between 1 and {MaxLimit}.");
        }

        return limit ?? DefaultLimit;
    }

    /// <summary>Where the previous page ended: the sort it used, the last sort value and the last id.</summary>
    public sealed record Cursor(string Sort, string Value, Guid Id)
    {
        public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this));

        /// <summary>Decodes a cursor for the given sort; throws a 400 for anything that is not one.</summary>
        public static Cursor? Decode(string? cursor, string sort)
        {
            if (string.IsNullOrEmpty(cursor))
            {
                return null;
            }

            Cursor? decoded;
            try
            {
                decoded = cursor.Length <= 512 ? JsonSerializer.Deserialize<Cursor>(Base64Url.DecodeFromChars(cursor)) : null;
            }
            catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
            {
                decoded = null;
            }

            if (decoded is null || decoded.Value is null || decoded.Sort != sort)
            {
                throw RequestValidationException.For("cursor", "The cursor is invalid or belongs to another sort order. Start again without a cursor.");
            }

            return decoded;
        }
    }
}
