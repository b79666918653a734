using System.Net;
using System.Text.Json;

namespace Kontor.Tests.Infrastructure;

/// <summary>
/// Creates and lists accounts and contacts through the API. Arrangement creates records as told, also ones that look
/// like duplicates of others (<c>allowDuplicates=true</c>); the duplicate check itself is tested with plain requests.
/// </summary>
public static class CustomerApi
{
    public static Task<JsonElement> CreateAccountAsync(this HttpClient client, string name) => client.CreateAccountAsync(new { name });

    public static Task<JsonElement> CreateAccountAsync(this HttpClient client, object body) =>
        client.PostJsonAsync("/api/accounts?allowDuplicates=true", body).ExpectAsync(HttpStatusCode.Created);

    public static Task<JsonElement> CreateContactAsync(this HttpClient client, string lastName, Guid? accountId = null) =>
        client.CreateContactAsync(new { lastName, accountId });

    public static Task<JsonElement> CreateContactAsync(this HttpClient client, object body) =>
        client.PostJsonAsync("/api/contacts?allowDuplicates=true", body).ExpectAsync(HttpStatusCode.Created);

    /// <summary>The ids of a page's items, in page order.</summary>
    public static List<Guid> Ids(this JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.Id())];

    /// <summary>A property of every item of a page, in page order.</summary>
    public static List<string?> Values(this JsonElement page, string property) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.StrOrNull(property))];

    /// <summary>Follows <c>nextCursor</c> from the first page to the last and returns every page.</summary>
    public static async Task<List<JsonElement>> AllPagesAsync(this HttpClient client, string url)
    {
        var pages = new List<JsonElement>();
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        string? cursor = null;
        do
        {
            var page = await client.GetJsonAsync(cursor is null ? url : $"{url}{separator}cursor={Uri.EscapeDataString(cursor)}");
            pages.Add(page);
            cursor = page.GetProperty("nextCursor").GetString();
            Assert.True(pages.Count <= 100, "Paging does not end.");
        }
        while (cursor is not null);

        return pages;
    }

    /// <summary>The ids a user finds in a list, across all pages.</summary>
    public static async Task<HashSet<Guid>> VisibleIdsAsync(this HttpClient client, string url) =>
        [.. (await client.AllPagesAsync(url)).SelectMany(p => p.Ids())];
}
