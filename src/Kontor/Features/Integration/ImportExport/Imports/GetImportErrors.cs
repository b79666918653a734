using System.Globalization;
using CsvHelper;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Integration.ImportExport.Imports;

internal static class GetImportErrors
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder group, string pattern = "/{id:guid}/errors.csv") =>
        group.MapGet(pattern, async Task<Results<PushStreamHttpResult, NotFound>> (Guid id, KontorDb db, CurrentUser user, CancellationToken ct) =>
            {
                if (!await ImportAccess.Visible(db, user).AnyAsync(j => j.Id == id, ct))
                {
                    return TypedResults.NotFound();
                }

                return TypedResults.Stream(stream => WriteAsync(id, db, stream, ct), "text/csv; charset=utf-8", $"import-{id}-errors.csv");
            })
            .WithName(nameof(GetImportErrors))
            .WithSummary("Download an import's rejected rows as CSV")
            .WithDescription("One line per problem: row (as a spreadsheet numbers it, the header being row 1), column (its header in the file) and message. UTF-8 with byte order mark, comma-separated, streamed.");

    /// <summary>The first problems of an import, for its page; the report holds them all.</summary>
    public static async Task<IReadOnlyList<ImportRowError>> FirstAsync(Guid id, int count, KontorDb db, CurrentUser user, CancellationToken ct) =>
        await ImportAccess.Visible(db, user).AnyAsync(j => j.Id == id, ct)
            ? await db.ImportRowErrors.AsNoTracking().Where(e => e.ImportJobId == id).OrderBy(e => e.RowNumber).ThenBy(e => e.Id).Take(count).ToListAsync(ct)
            : [];

    /// <summary>Writes the report (UTF-8 with BOM so Excel reads umlauts; cells that would run as formulas escaped), reading the errors as a stream.</summary>
    public static async Task WriteAsync(Guid id, KontorDb db, Stream stream, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true);
        csv.WriteField("row");
        csv.WriteField("column");
        csv.WriteField("message");
        await csv.EndRecordAsync(ct);
        await foreach (var error in db.ImportRowErrors.AsNoTracking().Where(e => e.ImportJobId == id)
                           .OrderBy(e => e.RowNumber).ThenBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            csv.WriteField(error.RowNumber.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(error.Column);
            csv.WriteField(error.Message);
            await csv.EndRecordAsync(ct);
        }

        await csv.FlushAsync(ct);
    }
}
