namespace Conventions.BuildingBlocks.Errors;

/// <summary>
/// A refusal the API answers with a problem details response carrying a stable <see cref="Code"/>.
/// Business rules raise the typed subclasses below, never bare strings.
/// </summary>
public abstract class AppException : Exception
{
    protected AppException(string code, string message, int status) : base(message)
    {
        Code = code;
        Status = status;
    }

    /// <summary>Stable, dotted, lower-case code integrators can switch on (for example <c>convention.not_active</c>).</summary>
    public string Code { get; }

    /// <summary>HTTP status the refusal maps to.</summary>
    public int Status { get; }

    /// <summary>Extra members written into the problem details (for example the conflicting occurrences).</summary>
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>();
}

/// <summary>400: the input is malformed or invalid.</summary>
public sealed class InvalidInputException : AppException
{
    public InvalidInputException(string code, string message, IDictionary<string, string[]>? errors = null)
        : base(code, message, 400)
    {
        Errors = errors ?? new Dictionary<string, string[]>();
    }

    public IDictionary<string, string[]> Errors { get; }

    public static InvalidInputException Field(string field, string message) =>
        new("validation.failed", "One or more fields are invalid.", new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>403: the caller's role, suspension or organization does not allow the call.</summary>
public sealed class ForbiddenException(string code, string message) : AppException(code, message, 403);

/// <summary>404: the resource does not exist, or belongs to another organization.</summary>
public sealed class NotFoundException(string code, string message) : AppException(code, message, 404)
{
    public static NotFoundException For(string resource, object id) =>
        new($"{resource}.not_found", $"No {resource.Replace('_', ' ')} with id '{id}'.");
}

/// <summary>409: the resource is not in a state that allows the call (not active, full, wrong step).</summary>
public sealed class ConflictException(string code, string message) : AppException(code, message, 409);

/// <summary>422: a business rule refused an otherwise well-formed request.</summary>
public sealed class BusinessRuleException(string code, string message) : AppException(code, message, 422);

/// <summary>412: a conditional request's precondition (<c>If-Match</c>) does not hold.</summary>
public sealed class PreconditionFailedException(string code, string message) : AppException(code, message, 412);

/// <summary>503: a service the answer needs is missing or failing (the PDF engine); retry later.</summary>
public sealed class ServiceUnavailableException(string code, string message) : AppException(code, message, 503);
