using Conventions.BuildingBlocks.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conventions.BuildingBlocks.Web;

public static class EndpointConventions
{
    /// <summary>Restricts an endpoint to some roles (403 <c>auth.role_forbidden</c> otherwise) and says so in Swagger.</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params Role[] roles) where TBuilder : IEndpointConventionBuilder
    {
        var names = roles.Select(JsonDefaults.Kebab).ToArray();
        builder.RequireAuthorization(policy => policy.RequireRole(names));
        builder.WithMetadata(new RolesMetadata(names));
        return builder;
    }

    /// <summary>
    /// Lets visitor codes call this endpoint. Visitor keys (the code handed to beneficiaries) read offers and sessions
    /// only: every other endpoint that needs a key refuses them with 403 <c>auth.role_forbidden</c>.
    /// </summary>
    public static TBuilder AllowVisitors<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new VisitorsAllowed());

    /// <summary>Says in the OpenAPI document that a 200 answers this content type with a text body (an HTML document, iCalendar).</summary>
    public static TBuilder ProducesText<TBuilder>(this TBuilder builder, string contentType) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new TextResponse(contentType));

    /// <summary>Says in the OpenAPI document that a 200 may answer these binary content types (a PDF, an image).</summary>
    public static TBuilder ProducesBinary<TBuilder>(this TBuilder builder, params string[] contentTypes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BinaryResponse(contentTypes));

    /// <summary>Says in the OpenAPI document that the request body is a file of one of these content types (an image).</summary>
    public static TBuilder AcceptsBinary<TBuilder>(this TBuilder builder, params string[] contentTypes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BinaryRequest(contentTypes));

    /// <summary>
    /// Marks a list that answers personal data in bulk (names, contact details): each successful call is recorded in the
    /// access log (who, which key, when, what was asked), kept 12 months (issue 18, RGPD).
    /// </summary>
    public static TBuilder ListsPersonalData<TBuilder>(this TBuilder builder, string resource) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PersonalDataList(resource));

    /// <summary>The problem details responses every authenticated endpoint may answer, for Swagger.</summary>
    public static RouteHandlerBuilder ProducesRefusals(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses.Length == 0 ? [400, 401, 403, 404] : statuses)
        {
            builder.ProducesProblem(status);
        }
        return builder;
    }
}

/// <summary>The roles an endpoint accepts (read by Swagger to document them).</summary>
public sealed record RolesMetadata(IReadOnlyList<string> Roles);

/// <summary>Marks an endpoint visitor codes may call (see <see cref="EndpointConventions.AllowVisitors{TBuilder}"/>).</summary>
public sealed record VisitorsAllowed;

/// <summary>A 200 text body of this content type (see <see cref="EndpointConventions.ProducesText{TBuilder}"/>).</summary>
public sealed record TextResponse(string ContentType);

/// <summary>A 200 binary body of one of these content types (see <see cref="EndpointConventions.ProducesBinary{TBuilder}"/>).</summary>
public sealed record BinaryResponse(IReadOnlyList<string> ContentTypes);

/// <summary>A binary request body of one of these content types (see <see cref="EndpointConventions.AcceptsBinary{TBuilder}"/>).</summary>
public sealed record BinaryRequest(IReadOnlyList<string> ContentTypes);

/// <summary>A list of personal data (see <see cref="EndpointConventions.ListsPersonalData{TBuilder}"/>): what it lists.</summary>
public sealed record PersonalDataList(string Resource);
