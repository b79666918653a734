using Kontor.Platform.Identity;
using Kontor.Platform.Validation;

namespace Kontor.Platform.Agreement.Versions;

/// <summary>A document to check or propose.</summary>
public sealed class AgreementTextRequest
{
    /// <summary>The agreement as YAML (or JSON), at most 65,536 characters; see docs/works-agreement.md.</summary>
    [Mandatory, MaxChars(AgreementParser.MaxLength)]
    public string? Text { get; set; }

    /// <summary>For a proposal: what changes and why, shown to the approvers (at most 2,000 characters).</summary>
    [MaxChars(2000)]
    public string? Comment { get; set; }
}

/// <summary>Whether a document is valid, and every problem with its line and column.</summary>
public sealed record AgreementValidationResponse(bool Valid, IReadOnlyList<AgreementProblem> Problems);

internal static class ValidateAgreement
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/validate", (AgreementTextRequest request, CurrentUser user) => Execute(request, user))
            .WithName(nameof(ValidateAgreement))
            .WithSummary("Check a works agreement document without proposing it")
            .WithDescription("Answers 200 with valid=false and every problem (line, column, message) when the document has errors.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static AgreementValidationResponse Execute(AgreementTextRequest request, CurrentUser user)
    {
        AgreementAccess.RequireReader(user);
        RequestValidator.ThrowIfInvalid(request);
        var result = AgreementParser.Parse(request.Text);
        return new AgreementValidationResponse(result.IsValid, result.Problems);
    }
}
