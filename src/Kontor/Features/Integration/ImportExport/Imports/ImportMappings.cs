using System.Text.Json;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Validation;
using Kontor.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kontor.Features.Integration.ImportExport.Imports;

/// <summary>Body of <c>PUT /api/import-mappings/{name}</c>.</summary>
public sealed class ImportMappingRequest
{
    public ImportTarget Target { get; set; }

    /// <summary>Field key → column header.</summary>
    public Dictionary<string, string> Mapping { get; set; } = [];
}

/// <summary>A saved mapping of a source.</summary>
public sealed record ImportMappingResponse(string Name, ImportTarget Target, Dictionary<string, string> Mapping);

internal static class ListImportMappings
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", (KontorDb db, CancellationToken ct) => ExecuteAsync(db, ct))
            .WithName(nameof(ListImportMappings))
            .WithSummary("List the saved import mappings of the organisation");

    public static async Task<IReadOnlyList<ImportMappingResponse>> ExecuteAsync(KontorDb db, CancellationToken ct) =>
        [.. (await db.ImportMappings.AsNoTracking().OrderBy(m => m.Name).Take(500).ToListAsync(ct)).Select(Describe)];

    public static ImportMappingResponse Describe(ImportMapping m) =>
        new(m.Name, m.Target, JsonSerializer.Deserialize<Dictionary<string, string>>(m.Mapping, ImportOptions.Json) ?? []);
}

internal static class SaveImportMapping
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{name}", async (string name, ImportMappingRequest request, KontorDb db, AccessScope access, IStringLocalizer<ImportExportText> text, CancellationToken ct) =>
                TypedResults.Ok(await ExecuteAsync(name, request, db, access, text, ct)))
            .WithName(nameof(SaveImportMapping))
            .WithSummary("Save the column mapping of a source")
            .WithDescription("Creates or replaces the mapping saved under the name. Keys are field keys (account.name, contact.lastName, …), values column headers.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<ImportMappingResponse> ExecuteAsync(string name, ImportMappingRequest request, KontorDb db, AccessScope access, IStringLocalizer<ImportExportText> text, CancellationToken ct)
    {
        StartImport.RequireAccess(request.Target, access);
        var trimmed = Normalize.Text(name);
        if (trimmed is null || trimmed.Length > 100)
        {
            throw RequestValidationException.For("name", text["Name the source in at most 100 characters."]);
        }

        var fields = ImportFields.For(request.Target);
        var unknown = request.Mapping.Keys.Where(k => fields.All(f => f.Key != k)).ToList();
        if (unknown.Count > 0 || request.Mapping.Values.Any(v => string.IsNullOrWhiteSpace(v) || v.Length > 200))
        {
            throw RequestValidationException.For("mapping", text["Map field keys of the target to column headers of at most 200 characters."]);
        }

        var json = JsonSerializer.Serialize(request.Mapping, ImportOptions.Json);
        var mapping = await db.ImportMappings.SingleOrDefaultAsync(m => m.Name == trimmed, ct);
        if (mapping is null)
        {
            mapping = new ImportMapping(trimmed, request.Target, json);
            db.ImportMappings.Add(mapping);
        }
        else
        {
            mapping.Change(request.Target, json);
        }

        await db.SaveChangesAsync(ct);
        return ListImportMappings.Describe(mapping);
    }
}

internal static class DeleteImportMapping
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{name}", async Task<Results<NoContent, NotFound>> (string name, KontorDb db, AccessScope access, CancellationToken ct) =>
                await ExecuteAsync(name, db, access, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName(nameof(DeleteImportMapping))
            .WithSummary("Delete a saved import mapping")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<bool> ExecuteAsync(string name, KontorDb db, AccessScope access, CancellationToken ct)
    {
        StartImport.RequireAccess(ImportTarget.Accounts, access);
        return await db.ImportMappings.Where(m => m.Name == name).ExecuteDeleteAsync(ct) > 0;
    }
}
