using Kontor.Platform.Http;
using Kontor.Platform.Validation;

namespace Kontor.Platform.Administration;

/// <summary>Collects the field errors of an administration request, so one answer lists every problem.</summary>
internal sealed class AdminFieldErrors
{
    private readonly Dictionary<string, string[]> errors;

    private AdminFieldErrors(Dictionary<string, string[]> errors) => this.errors = errors;

    /// <summary>Starts with the data-annotation errors of the request.</summary>
    public static AdminFieldErrors Of(object request) => new(RequestValidator.Validate(request));

    public bool Has(string field) => errors.ContainsKey(field);

    public void Add(string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    public void ThrowIfAny()
    {
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }
}
