using System.Net;
using System.Text;
using CsvHelper;
using Kontor.Features.Customers;
using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Shared;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;
using MiniExcelLibs;

namespace Kontor.Tests.Features.Integration.ImportExport.Exports;

/// <summary>Exports of the accounts and contacts lists: same rows as the list, safe cells, readable files.</summary>
public sealed class ExportCustomersTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task ExportAccounts_Csv_HasBomHeaderAndTheListsRowsInListOrder()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        await rep.Client.CreateAccountAsync(new { name = "Zeta Süd", billingAddress = new { street = "Königstraße 1", postalCode = "70173", city = "Stuttgart", country = "DE" } });
        await rep.Client.CreateAccountAsync(new { name = "Alpha", description = "Line one\nLine two; with \"quotes\", and comma" });
        await rep.Client.CreateAccountAsync(new { name = "Ömer Bau", segment = "Trade" });

        var response = await rep.Client.FetchAsync("/api/accounts/export?format=csv&delimiter=semicolon");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync(Api.Ct);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);

        var (headers, rows) = ReadCsv(bytes, ';');
        Assert.Equal(["Alpha", "Ömer Bau", "Zeta Süd"], rows.Select(r => r[headers.IndexOf("Name")]));
        Assert.Equal("Line one\nLine two; with \"quotes\", and comma", rows[0][headers.IndexOf("Description")]);
        Assert.Equal("Königstraße 1", rows[2][headers.IndexOf("Billing street")]);
        Assert.Equal("70173", rows[2][headers.IndexOf("Billing postal code")]);
        Assert.Equal("Test", rows[0][headers.IndexOf("Owner")].Split(' ')[0]);
    }

    [Fact]
    public async Task ExportAccounts_WithFiltersSearchAndSort_ExportsExactlyWhatTheListShows()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        foreach (var (name, segment) in new[] { ("Bäckerei Nord", "Food"), ("Bäckerei Süd", "Food"), ("Bäckerei West", "Retail"), ("Metzgerei", "Food") })
        {
            await rep.Client.CreateAccountAsync(new { name, segment });
        }

        const string query = "search=baeckerei&segment=Food&sort=-name";
        var listed = (await rep.Client.AllPagesAsync($"/api/accounts?{query}")).SelectMany(p => p.Values("name")).ToList();
        var (headers, rows) = ReadCsv(await rep.Client.GetByteArrayAsync($"/api/accounts/export?{query}", Api.Ct), ',');

        Assert.Equal(["Bäckerei Süd", "Bäckerei Nord"], listed);
        Assert.Equal(listed, rows.Select(r => r[headers.IndexOf("Name")]));
    }

    [Fact]
    public async Task ExportAccounts_RepWithPrivateSharing_ExportsOnlyVisibleAccounts()
    {
        var owner = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        await app.SetSharingAsync(owner.TenantId, CustomerObjects.Accounts, SharingLevel.Private);
        await owner.Client.CreateAccountAsync("Not yours");
        var rep = await app.CreateUserAsync(owner.TenantId, [Roles.SalesRep]);
        var mine = await rep.Client.CreateAccountAsync("Mine");
        await (await app.CreateTenantWithUserAsync("Other")).Client.CreateAccountAsync("Other tenant");

        var (headers, rows) = ReadCsv(await rep.Client.GetByteArrayAsync("/api/accounts/export", Api.Ct), ',');

        var row = Assert.Single(rows);
        Assert.Equal(mine.Id().ToString(), row[headers.IndexOf("Id")]);
    }

    [Fact]
    public async Task ExportAccounts_FormulaInCells_IsNeutralisedInCsvAndXlsx()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        await rep.Client.CreateAccountAsync(new { name = "=HYPERLINK(\"https://evil.example\",\"x\")", industry = "@SUM(1)", segment = "-1+2", phone = "+49 30 1234567" });

        var (headers, rows) = ReadCsv(await rep.Client.GetByteArrayAsync("/api/accounts/export", Api.Ct), ',');
        var row = Assert.Single(rows);
        Assert.Equal("'=HYPERLINK(\"https://evil.example\",\"x\")", row[headers.IndexOf("Name")]);
        Assert.Equal("'@SUM(1)", row[headers.IndexOf("Industry")]);
        Assert.Equal("'-1+2", row[headers.IndexOf("Segment")]);
        Assert.Equal("'+49301234567", row[headers.IndexOf("Phone")]);

        var sheet = ReadXlsx(await rep.Client.GetByteArrayAsync("/api/accounts/export?format=xlsx", Api.Ct));
        Assert.Equal("'=HYPERLINK(\"https://evil.example\",\"x\")", Assert.Single(sheet)["Name"]);
        Assert.Equal("'@SUM(1)", sheet[0]["Industry"]);
    }

    [Fact]
    public async Task ExportContacts_Xlsx_IsReadableWithTheListsFilter()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var acme = await rep.Client.CreateAccountAsync("Acme");
        await rep.Client.CreateContactAsync(new { firstName = "Jörg", lastName = "Müller", email = "joerg@acme.example", accountId = acme.Id() });
        await rep.Client.CreateContactAsync(new { firstName = "Anna", lastName = "Berg", accountId = acme.Id() });
        await rep.Client.CreateContactAsync(new { lastName = "Elsewhere" });

        var response = await rep.Client.FetchAsync($"/api/contacts/export?format=xlsx&account={acme.Id()}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var sheet = ReadXlsx(await response.Content.ReadAsByteArrayAsync(Api.Ct));

        Assert.Equal(["Berg", "Müller"], sheet.Select(r => r["Last name"]));
        Assert.Equal("joerg@acme.example", sheet[1]["E-mail"]);
        Assert.Equal("Acme", sheet[1]["Account"]);
    }

    [Fact]
    public async Task ExportContacts_GermanUser_GetsGermanHeaders()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        await rep.Client.CreateContactAsync("Berg");
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/contacts/export");
        request.Headers.AcceptLanguage.ParseAdd("de-DE");

        var (headers, _) = ReadCsv(await (await rep.Client.SendAsync(request, Api.Ct)).Content.ReadAsByteArrayAsync(Api.Ct), ',');

        Assert.Contains("Nachname", headers);
    }

    [Fact]
    public async Task ExportAccounts_NothingToExport_AnswersFilesWithTheHeaderRow()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);

        var (headers, rows) = ReadCsv(await rep.Client.GetByteArrayAsync("/api/accounts/export", Api.Ct), ',');
        var xlsx = await rep.Client.GetByteArrayAsync("/api/accounts/export?format=xlsx", Api.Ct);

        Assert.Contains("Name", headers);
        Assert.Empty(rows);
        using var stream = new MemoryStream(xlsx);
        var sheet = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains("Name", Assert.Single(sheet).Values);
    }

    [Theory]
    [InlineData("format=pdf", "format")]
    [InlineData("delimiter=tab", "delimiter")]
    [InlineData("sort=shoeSize", "sort")]
    public async Task ExportAccounts_BadParameter_Returns400NamingIt(string query, string field)
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);

        await rep.Client.FetchAsync($"/api/accounts/export?{query}").ProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task ExportAccounts_WithoutToken_Returns401()
    {
        var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/accounts/export", Api.Ct)).StatusCode);
    }

    [Fact]
    public async Task ExportAccounts_FiveThousandRows_StreamsEveryRowInBothFormats()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        await app.InTenantAsync(rep.TenantId, async db =>
        {
            for (var i = 0; i < 5000; i++)
            {
                db.Accounts.Add(new Account(new AccountFields(
                    $"Customer {i:D5}", null, null, null, null, null, $"c{i}@example.com", PostalAddress.Empty, PostalAddress.Empty, null, rep.Id, null, null)));
            }

            await db.SaveChangesAsync(Api.Ct);
        });

        using var response = await rep.Client.GetAsync("/api/accounts/export", HttpCompletionOption.ResponseHeadersRead, Api.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentLength);
        await using var body = await response.Content.ReadAsStreamAsync(Api.Ct);
        await using var csv = CsvReader.Create(body, new CsvReaderOptions { Separator = ',' });
        var names = new List<string>();
        var name = csv.Headers.ToList().IndexOf("Name");
        foreach (var row in csv)
        {
            names.Add(row.GetString(name));
        }

        Assert.Equal(5000, names.Count);
        Assert.Equal("Customer 00000", names[0]);
        Assert.Equal("Customer 04999", names[^1]);
        Assert.Equal(5000, ReadXlsx(await rep.Client.GetByteArrayAsync("/api/accounts/export?format=xlsx", Api.Ct)).Count);
    }

    private static (List<string> Headers, List<string[]> Rows) ReadCsv(byte[] bytes, char separator)
    {
        using var csv = CsvReader.Create(bytes, new CsvReaderOptions { Separator = separator });
        var rows = new List<string[]>();
        foreach (var row in csv)
        {
            var fields = new string[row.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = row.GetString(i);
            }

            rows.Add(fields);
        }

        return ([.. csv.Headers ?? []], rows);
    }

    private static List<IDictionary<string, object?>> ReadXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return [.. stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()];
    }
}
