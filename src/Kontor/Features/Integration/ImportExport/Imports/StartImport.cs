using System.Text.Json;
using Kontor.Features.Customers;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Kontor.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kontor.Features.Integration.ImportExport.Imports;

/// <summary>What to import from an uploaded file; the <c>options</c> part of <c>POST /api/imports</c> and the wizard's result.</summary>
public sealed class StartImportRequest
{
    public ImportTarget Target { get; set; }

    /// <summary><c>utf-8</c> or <c>windows-1252</c>; found from the file when left out.</summary>
    public string? Encoding { get; set; }

    /// <summary><c>;</c>, <c>,</c> or <c>tab</c>; found from the file when left out.</summary>
    public string? Delimiter { get; set; }

    /// <summary>Field key → column header. Left out: the saved mapping of <see cref="Source"/>, else suggested from the headers.</summary>
    public Dictionary<string, string>? Mapping { get; set; }

    /// <summary>Where the file comes from; with a mapping, the mapping is saved under this name for the next file.</summary>
    [MaxChars(100)]
    public string? Source { get; set; }

    public AccountLink AccountLink { get; set; }

    public bool CreateDuplicates { get; set; }

    public bool DryRun { get; set; }
}

internal static class StartImport
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Results<Accepted<ImportResponse>, ValidationProblem>> (
                IFormFile? file, [FromForm] string? options, KontorDb db, CurrentUser user, AccessScope access, ImportStorage storage,
                ImportQueue queue, TimeProvider clock, IStringLocalizer<ImportExportText> text, CancellationToken ct) =>
            {
                StartImportRequest? request;
                try
                {
                    request = string.IsNullOrWhiteSpace(options) ? new StartImportRequest() : JsonSerializer.Deserialize<StartImportRequest>(options, ImportOptions.Json);
                }
                catch (JsonException)
                {
                    request = null;
                }

                if (request is null)
                {
                    throw RequestValidationException.For("options", text["The options are not valid JSON of an import request."]);
                }

                if (file is null || file.Length == 0)
                {
                    throw RequestValidationException.For("file", text["Attach the file to import as the form field \"file\"."]);
                }

                string? path;
                await using (var content = file.OpenReadStream())
                {
                    path = await storage.SaveAsync(user.TenantId, content, ct);
                }

                if (path is null)
                {
                    throw RequestValidationException.For("file", text["The file is larger than the import limit."]);
                }

                try
                {
                    var started = await ExecuteAsync(path, Path.GetFileName(file.FileName), request, db, user, access, storage, queue, clock, text, ct);
                    return TypedResults.Accepted($"/api/imports/{started.Id}", started);
                }
                catch
                {
                    storage.Delete(path);
                    throw;
                }
            })
            .WithName(nameof(StartImport))
            .WithSummary("Upload a CSV or XLSX file and start importing it")
            .WithDescription("multipart/form-data with the parts file (the CSV or XLSX file) and options (JSON: target, encoding, delimiter, mapping, source, accountLink, createDuplicates, dryRun). Answers 202 with the queued job; poll GET /api/imports/{id} for progress.")
            .Accepts<IFormFile>("multipart/form-data")
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ImportSettingsLimit.MaxRequestBytes))
            .WithFormOptions(multipartBodyLengthLimit: ImportSettingsLimit.MaxRequestBytes)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Starts an import of an uploaded file (path relative to the imports folder); shared by the endpoint and the wizard.</summary>
    public static async Task<ImportResponse> ExecuteAsync(
        string path, string fileName, StartImportRequest request, KontorDb db, CurrentUser user, AccessScope access, ImportStorage storage,
        ImportQueue queue, TimeProvider clock, IStringLocalizer<ImportExportText> text, CancellationToken ct)
    {
        RequireAccess(request.Target, access);
        RequestValidator.ThrowIfInvalid(request);
        if (!storage.BelongsTo(path, user.TenantId))
        {
            throw RequestValidationException.For("file", text["The uploaded file is gone; upload it again."]);
        }

        var shape = Inspect(storage.PathOf(path), request.Encoding, request.Delimiter, text);
        var mapping = request.Mapping;
        if (mapping is null && Normalize.Text(request.Source) is { } source)
        {
            var saved = await db.ImportMappings.AsNoTracking().SingleOrDefaultAsync(m => m.Name == source, ct);
            mapping = saved is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(saved.Mapping, ImportOptions.Json);
        }

        mapping ??= ImportFields.Suggest(request.Target, shape.Headers);
        CheckMapping(request.Target, request.AccountLink, mapping, shape.Headers, text);
        if (request.Mapping is not null && Normalize.Text(request.Source) is { } name)
        {
            await SaveImportMapping.ExecuteAsync(name, new ImportMappingRequest { Target = request.Target, Mapping = request.Mapping }, db, access, text, ct);
        }

        var options = new ImportOptions { Mapping = mapping, AccountLink = request.AccountLink, CreateDuplicates = request.CreateDuplicates };
        var job = new ImportJob(
            Cut(fileName.Length == 0 ? "import" : fileName, 260), path, shape.Format, shape.Encoding, shape.Delimiter, request.Target, options.ToJson(), request.DryRun, user.Id, clock.GetUtcNow());
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        queue.Wake();
        return await ImportResponse.Project(db.ImportJobs.AsNoTracking().Where(j => j.Id == job.Id), db).SingleAsync(ct);
    }

    /// <summary>Reads the file's shape with the given overrides; a file that is no table is a 400 on <c>file</c>.</summary>
    public static FileShape Inspect(string fullPath, string? encoding, string? delimiter, IStringLocalizer<ImportExportText> text)
    {
        var errors = new Dictionary<string, string[]>();
        encoding = Normalize.Text(encoding)?.ToLowerInvariant();
        if (encoding is not null and not ImportFile.Utf8 and not ImportFile.Windows1252)
        {
            errors["encoding"] = [text["Use utf-8 or windows-1252."]];
        }

        delimiter = delimiter is "tab" or "\\t" ? "\t" : string.IsNullOrEmpty(delimiter) ? null : delimiter;
        if (delimiter is not null && !ImportFile.Delimiters.Contains(delimiter))
        {
            errors["delimiter"] = [text["Use ; or , or tab."]];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        try
        {
            return ImportFile.Inspect(fullPath, encoding, delimiter);
        }
        catch (Exception e) when (e is UnreadableFileException or CsvHelper.CsvFormatException or InvalidDataException or IOException)
        {
            throw RequestValidationException.For("file", e is UnreadableFileException ? text[e.Message] : text["The file cannot be read as CSV or XLSX."]);
        }
    }

    /// <summary>Every mapped field belongs to the target and names a column of the file; the required fields are mapped.</summary>
    public static void CheckMapping(ImportTarget target, AccountLink link, Dictionary<string, string> mapping, IReadOnlyList<string> headers, IStringLocalizer<ImportExportText> text)
    {
        var errors = new Dictionary<string, string[]>();
        var fields = ImportFields.For(target);
        foreach (var (key, header) in mapping)
        {
            if (fields.All(f => f.Key != key))
            {
                errors["mapping." + key] = [text["This is not a field of the chosen target."]];
            }
            else if (!headers.Contains(header, StringComparer.OrdinalIgnoreCase))
            {
                errors["mapping." + key] = [text["The file has no column with this header."]];
            }
        }

        foreach (var field in fields.Where(f => f.Required && !mapping.ContainsKey(f.Key)))
        {
            errors["mapping." + field.Key] = [text["Map a column to this field: it is required."]];
        }

        var linkField = link switch
        {
            AccountLink.ExternalId => ImportFields.ContactAccountExternalId,
            AccountLink.Name => ImportFields.ContactAccountName,
            AccountLink.None => null,
            _ => null,
        };
        if (target == ImportTarget.Contacts && linkField is not null && !mapping.ContainsKey(linkField))
        {
            errors["mapping." + linkField] = [text["Map a column to this field to link contacts to their accounts."]];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }

    public static void RequireAccess(ImportTarget target, AccessScope access)
    {
        if (target == ImportTarget.Leads)
        {
            access.Require(Sales.SalesObjects.Leads, ObjectPermissions.Create);
            return;
        }

        if (target != ImportTarget.Contacts)
        {
            access.Require(CustomerObjects.Accounts, ObjectPermissions.Create);
        }

        if (target != ImportTarget.Accounts)
        {
            access.Require(CustomerObjects.Contacts, ObjectPermissions.Create);
        }
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>The request size the upload endpoint accepts: the file limit's default plus room for the form.</summary>
internal static class ImportSettingsLimit
{
    public const long MaxRequestBytes = (1L << 30) + (1L << 20);
}
