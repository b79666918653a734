using System.Text;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Documents;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Platform.Agreement.Documents;

internal static class GetAgreementDocument
{
    public const string Annex = "annex";
    public const string ProcessingRecord = "processing-record";

    public static void Map(RouteGroupBuilder group, IEndpointRouteBuilder app)
    {
        group.MapGet("/documents/{kind}", Handle)
            .WithName(nameof(GetAgreementDocument))
            .WithSummary("Generate the annex of the works agreement or the record of processing activities")
            .WithDescription("kind: annex (categories × purposes × readers × retention of the agreement in force) or processing-record (Art. 30 GDPR). " +
                "format: markdown (default) or pdf. In the caller's language. Administrators and the works council.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        // The agreement page links here; the web UI signs in with its cookie, not a bearer token.
        app.MapGet("/works-agreement/documents/{kind}", Handle).RequireAuthorization().ExcludeFromDescription();
    }

    private static async Task<FileContentHttpResult> Handle(
        string kind, string? format, KontorDb db, CurrentUser user, AgreementInForce agreements, IEnumerable<SecuredObject> securedObjects, CancellationToken ct)
    {
        var (content, type, name) = await ExecuteAsync(kind, format, db, user, agreements, securedObjects, ct);
        return TypedResults.File(content, type, name);
    }

    /// <summary>The file's bytes, content type and name.</summary>
    public static async Task<(byte[] Content, string ContentType, string FileName)> ExecuteAsync(
        string kind, string? format, KontorDb db, CurrentUser user, AgreementInForce agreements, IEnumerable<SecuredObject> securedObjects, CancellationToken ct)
    {
        AgreementAccess.RequireReader(user);
        var pdf = format?.Trim().ToLowerInvariant() switch
        {
            null or "" or "markdown" or "md" => false,
            "pdf" => true,
            _ => throw RequestValidationException.For("format", AgreementMessages.Get("Choose markdown or pdf.")),
        };
        var document = kind switch
        {
            Annex => await AgreementDocuments.AnnexAsync(db, agreements, ct),
            ProcessingRecord => await AgreementDocuments.ProcessingRecordAsync(db, agreements, securedObjects, ct),
            _ => throw RequestValidationException.For("kind", AgreementMessages.Get("Choose annex or processing-record.")),
        };
        return pdf
            ? (TextDocumentPdf.Render(document, document.Title), "application/pdf", $"{kind}.pdf")
            : (Encoding.UTF8.GetBytes(document.ToMarkdown()), "text/markdown; charset=utf-8", $"{kind}.md");
    }
}
