using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Resources;
using Microsoft.Extensions.Localization;

namespace Kontor.Features.Integration.ImportExport.Imports;

/// <summary>One row of the wizard's preview: its number, the mapped cells by field key and the row's problems.</summary>
public sealed record PreviewRow(long Number, IReadOnlyDictionary<string, string> Cells, IReadOnlyList<(string Column, string Message)> Problems);

/// <summary>
/// The wizard's preview: the first rows of the file as the import would map them, each checked by the very batch code
/// of the import (validation, owner, links, duplicates, database rules) inside a transaction that is rolled back.
/// </summary>
internal static class PreviewImport
{
    public const int Rows = 20;

    public static async Task<IReadOnlyList<PreviewRow>> ExecuteAsync(
        string path, StartImportRequest request, KontorDb db, CurrentUser user, AccessScope access, ImportStorage storage, IStringLocalizer<ImportExportText> text, CancellationToken ct)
    {
        StartImport.RequireAccess(request.Target, access);
        if (!storage.BelongsTo(path, user.TenantId))
        {
            throw Platform.Http.RequestValidationException.For("file", text["The uploaded file is gone; upload it again."]);
        }

        var shape = StartImport.Inspect(storage.PathOf(path), request.Encoding, request.Delimiter, text);
        var mapping = request.Mapping ?? ImportFields.Suggest(request.Target, shape.Headers);
        StartImport.CheckMapping(request.Target, request.AccountLink, mapping, shape.Headers, text);
        var plan = new ImportPlan(request.Target, shape.Headers, new ImportOptions { Mapping = mapping, AccountLink = request.AccountLink, CreateDuplicates = request.CreateDuplicates });
        var rows = ImportFile.Rows(storage.PathOf(path), shape).Take(Rows).ToArray();

        BatchResult result;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            result = await new ImportBatch(db, user, access, text, plan, []).RunAsync(rows, [], ct);
            await transaction.RollbackAsync(ct);
        }

        db.ChangeTracker.Clear();
        return [.. rows.Select(r => new PreviewRow(
            r.Number,
            plan.Columns.ToDictionary(c => c.Key, c => r.Cells[c.Value]),
            [.. result.Problems.Where(p => p.Row == r.Number).Select(p => (p.Column, p.Message))]))];
    }
}
