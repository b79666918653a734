using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Integration.ImportExport;

/// <summary>An app whose uploaded import files go to a temporary folder and whose batches are small, so a few rows span several batches.</summary>
public class ImportAppFactory : KontorAppFactory
{
    public ImportAppFactory()
    {
    }

    /// <summary>A second app on the same database and import folder, as after a restart.</summary>
    protected ImportAppFactory(ImportAppFactory sameDatabase)
        : base(sameDatabase) => Folder = sameDatabase.Folder;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "kontor-import-tests", Guid.NewGuid().ToString("N"));

    public virtual int BatchSize => 3;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Kontor:Imports:Folder"] = Folder,
        ["Kontor:Imports:BatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>Starts imports through <c>POST /api/imports</c> and waits for them the way a client polls.</summary>
public static class ImportApi
{
    public static Encoding Windows1252 { get; } = CodePages();

    /// <summary>The file as bytes in an encoding; <paramref name="bom"/> adds the UTF-8 byte order mark.</summary>
    public static byte[] File(string text, Encoding encoding, bool bom = false) =>
        [.. bom ? encoding.GetPreamble() : [], .. encoding.GetBytes(text)];

    public static Task<HttpResponseMessage> PostImportAsync(this HttpClient client, byte[] file, object? options, string fileName = "customers.csv")
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", fileName);
        if (options is not null)
        {
            form.Add(new StringContent(JsonSerializer.Serialize(options, JsonSerializerOptions.Web)), "options");
        }

        return client.PostAsync("/api/imports", form, Api.Ct);
    }

    /// <summary>Starts an import and waits until it has finished; returns the finished job.</summary>
    public static async Task<JsonElement> ImportAsync(this HttpClient client, byte[] file, object? options, string fileName = "customers.csv")
    {
        var started = await client.PostImportAsync(file, options, fileName).ExpectAsync(HttpStatusCode.Accepted);
        return await client.WaitForImportAsync(started.Id());
    }

    public static async Task<JsonElement> WaitForImportAsync(this HttpClient client, Guid id, Func<JsonElement, bool>? until = null)
    {
        until ??= job => job.Str("status") is "Completed" or "Failed" or "Cancelled";
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var job = await client.FetchAsync($"/api/imports/{id}").ExpectAsync(HttpStatusCode.OK);
            if (until(job))
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The import did not get there in time: {job}");
            await Task.Delay(50, Api.Ct);
        }
    }

    /// <summary>The lines of the error report after its header, as (row, column, message).</summary>
    public static async Task<List<(long Row, string Column, string Message)>> ErrorsAsync(this HttpClient client, Guid id)
    {
        var response = await client.FetchAsync($"/api/imports/{id}/errors.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync(Api.Ct);
        using var reader = CsvHelper.CsvReader.Create(new MemoryStream(bytes), new CsvHelper.CsvReaderOptions { Separator = ',', HasHeader = true }, leaveOpen: false);
        var errors = new List<(long, string, string)>();
        while (reader.Read())
        {
            errors.Add((long.Parse(reader.GetString(0)!, System.Globalization.CultureInfo.InvariantCulture), reader.GetString(1) ?? "", reader.GetString(2) ?? ""));
        }

        return errors;
    }

    /// <summary>Every item of a list, across all pages.</summary>
    public static async Task<List<JsonElement>> ItemsAsync(this HttpClient client, string url) =>
        [.. (await client.AllPagesAsync(url)).SelectMany(p => p.GetProperty("items").EnumerateArray())];

    public static long Long(this JsonElement element, string property) => element.GetProperty(property).GetInt64();

    private static Encoding CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
