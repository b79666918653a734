namespace Kontor.Platform.Http;

/// <summary>
/// A business rule refused the change; answered as 409 with the rule as title and <see cref="Extensions"/> as
/// further members of the problem (e.g. the records a duplicate check found).
/// </summary>
public sealed class BusinessRuleException(string message) : Exception(message)
{
    public IReadOnlyDictionary<string, object?> Extensions { get; init; } = new Dictionary<string, object?>();
}

/// <summary>The user's role or token lacks a permission on a record they can see; answered as 403.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>Field-level validation failed inside a slice; answered as 400 with the field errors.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static RequestValidationException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>The record changed since the client read it (stale <c>If-Match</c>); answered as 412.</summary>
public sealed class PreconditionFailedException(string currentETag)
    : Exception("The record was changed by someone else since you loaded it. Reload it and apply your change again.")
{
    public string CurrentETag { get; } = currentETag;
}
