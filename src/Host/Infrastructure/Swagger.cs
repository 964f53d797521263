using Conventions.BuildingBlocks.Web;
using Conventions.Host.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Conventions.Host.Infrastructure;

internal static class Swagger
{
    public static IServiceCollection AddConventionsSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Conventions engine API",
                Version = "v1",
                Description = "Partnership conventions for French associations and town services: conventions, solidarity ticketing, premises, disputes. "
                    + "Authenticate with an API key in the X-Api-Key header (Authorize button). Errors are RFC 9457 problem details with a stable `code`.",
            });
            foreach (var xml in Directory.EnumerateFiles(AppContext.BaseDirectory, "Conventions.*.xml"))
            {
                options.IncludeXmlComments(xml, includeControllerXmlComments: true);
            }
            options.AddSecurityDefinition(ApiKeyAuthenticationHandler.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "An API key issued to your organization (POST /api/v1/organizations/{id}/credentials). In Development the host prints demo keys at start.",
            });
            options.OperationFilter<ApiKeyOperationFilter>();
            options.OperationFilter<TextResponseOperationFilter>();
            options.OperationFilter<BinaryBodiesOperationFilter>();
            options.OperationFilter<IdempotencyOperationFilter>();
            options.OperationFilter<PagingOperationFilter>();
            options.OperationFilter<ConditionalRequestOperationFilter>();
            options.OperationFilter<OperationRefusalsFilter>();
            options.SchemaFilter<ProblemSchemaFilter>();
            options.SchemaFilter<RequiredFromValidatorsFilter>();
            options.DocumentFilter<TagDescriptionsFilter>();
            options.DocumentFilter<WebhooksDocumentFilter>();
            options.DocumentFilter<ContractDocumentFilter>();
            options.DocumentFilter<SeedExamplesFilter>();
            options.CustomOperationIds(api => OperationIds.For(api.HttpMethod ?? "GET", api.RelativePath ?? string.Empty));
            options.SupportNonNullableReferenceTypes();
            options.UseAllOfToExtendReferenceSchemas();
            options.CustomSchemaIds(SchemaId);
        });
        return services;
    }

    /// <summary>Short schema ids; nested and generic types keep distinct names.</summary>
    private static string SchemaId(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.Name;
        }
        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return string.Concat(type.GetGenericArguments().Select(SchemaId)) + name;
    }
}

/// <summary>Marks the operations that need a key (and their roles) so Swagger UI sends the key for them only.</summary>
internal sealed class ApiKeyOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any())
        {
            // Public: an explicit empty requirement, so that generated clients send no key.
            operation.Security = [];
            return;
        }
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, context.Document)] = [],
        });
        if (metadata.OfType<RolesMetadata>().LastOrDefault() is { } roles)
        {
            operation.Description = (operation.Description is { Length: > 0 } d ? d + "\n\n" : string.Empty) + "Roles: " + string.Join(", ", roles.Roles) + ".";
        }
        operation.Description = (operation.Description is { Length: > 0 } text ? text + "\n\n" : string.Empty)
            + (metadata.OfType<VisitorsAllowed>().Any() ? "Visitor codes may call it." : "Visitor codes get 403.")
            + " Scoped to the caller's organization and programs (docs/access.md).";
        // Every keyed call is rate limited per key (429 rate.limited, Retry-After): documented with the same problem body.
        if (operation.Responses is { } responses && responses.TryGetValue("401", out var unauthorized) && unauthorized is OpenApiResponse problem)
        {
            responses["429"] = new OpenApiResponse
            {
                Description = "Too many requests for this key or address (rate.limited); retry after the Retry-After header's seconds.",
                Content = problem.Content,
            };
        }
    }
}

/// <summary>Adds the text content types an endpoint declares (<see cref="TextResponse"/>) to its 200 response.</summary>
internal sealed class TextResponseOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var texts = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<TextResponse>().ToList();
        if (texts.Count == 0)
        {
            return;
        }
        operation.Responses ??= [];
        if (!operation.Responses.TryGetValue("200", out var existing) || existing is not OpenApiResponse ok)
        {
            ok = new OpenApiResponse { Description = "OK" };
            operation.Responses["200"] = ok;
        }
        ok.Content ??= new Dictionary<string, OpenApiMediaType>();
        foreach (var text in texts)
        {
            ok.Content[text.ContentType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        }
    }
}

/// <summary>Binary bodies (<see cref="BinaryRequest"/>, <see cref="BinaryResponse"/>): a file, typed as a binary string.</summary>
internal sealed class BinaryBodiesOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<PdfFormatParameter>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "format",
                In = ParameterLocation.Query,
                Description = "html (the default) or pdf; an Accept header preferring application/pdf asks for the PDF too.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create("html"), System.Text.Json.Nodes.JsonValue.Create("pdf")] },
            });
        }
        foreach (var request in metadata.OfType<BinaryRequest>())
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "The file itself, as the request body.",
                Content = request.ContentTypes.ToDictionary(t => t, _ => Binary()),
            };
        }
        foreach (var response in metadata.OfType<BinaryResponse>())
        {
            operation.Responses ??= [];
            if (!operation.Responses.TryGetValue("200", out var existing) || existing is not OpenApiResponse ok)
            {
                ok = new OpenApiResponse { Description = "OK" };
                operation.Responses["200"] = ok;
            }
            ok.Content ??= new Dictionary<string, OpenApiMediaType>();
            foreach (var type in response.ContentTypes)
            {
                ok.Content[type] = Binary();
            }
        }
    }

    private static OpenApiMediaType Binary() => new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
}

/// <summary>
/// The problem details every refusal carries (RFC 9457 with this API's extensions): the stable <c>code</c> integrators
/// switch on, the <c>errors</c> map of a validation failure, the <c>traceId</c> to quote to support.
/// </summary>
internal sealed class ProblemSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.Type != typeof(Microsoft.AspNetCore.Mvc.ProblemDetails) || schema is not OpenApiSchema problem)
        {
            return;
        }
        problem.Properties ??= new Dictionary<string, IOpenApiSchema>();
        problem.Properties["code"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Stable, dotted, lower-case code to switch on (auth.missing_key, validation.failed, convention.not_active, …).",
        };
        problem.Properties["errors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object | JsonSchemaType.Null,
            Description = "validation.failed only: the invalid fields (camelCase paths) and what is wrong with each.",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
        };
        problem.Properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$", Description = "The request's W3C trace context (traceparent format); it continues the traceparent the caller sent, if any. Quote it to support." };
        problem.Required ??= new HashSet<string>();
        problem.Required.Add("code");
    }
}

/// <summary>One line per tag, so a generated client's groups and the Swagger UI's sections say what they hold.</summary>
internal sealed class TagDescriptionsFilter : IDocumentFilter
{
    private static readonly (string Name, string Description)[] Tags =
    [
        ("Programs", "Culture pour tous and La Ruche Numérique, with their operator organizations (set by the platform admin)."),
        ("Organizations", "Operators and partners: registration, contacts (signatory, referent, staff), suspension."),
        ("Credentials", "API keys by organization and role: issued, listed, rotated and revoked; platform admin keys."),
        ("Directory", "The public directory and the partner directory of the organizations sharing a program."),
        ("Donations", "Donations to an operator, freely chosen, with their receipts (Culture pour tous art. 5)."),
        ("Convention templates", "The two seed conventions as templates whose clauses are data."),
        ("Conventions", "Drafting, sending for signature, signing, reading and printing conventions."),
        ("Amendments", "Avenants: drafted, signed by both parties, then applied as a new version."),
        ("Follow-up committees", "The yearly committee of a tacitly renewed convention and its decision."),
        ("Publications", "Publications about the partnership, approved by both parties (Ruche art. 5)."),
        ("Disputes", "Dénonciation and mise en cause under legal deadlines (CPC art. 640-642), agreements by both parties."),
        ("Offers", "The Billetterie solidaire's offers and sessions, deposited by cultural partners."),
        ("Beneficiaries", "The people a social partner books for (Actionneurs), visible to that organization only."),
        ("Bookings", "Nominative bookings with guests and companions, waiting list, attendance, counter-marks, reports."),
        ("Reports", "Reports for funders, per program and period beside the previous one: JSON, CSV for French spreadsheets, printable HTML with charts."),
        ("Season events", "Season meetings, trainings, workshops and mediation activities for the partners' staff: registrations by name, waiting list, reminders, attendance."),
        ("Les écrieurs", "Culture pour tous' expression space: texts about outings, submitted by structures with their authors' consent, moderated by the operator, read by anyone."),
        ("Check-in", "The door of a session: its publisher checks counter-marks in by code or QR code and counts them, without names."),
        ("Venues", "La Ruche Numérique's venues, rooms, offices, closures, opening hours and internal rules."),
        ("Permanences", "Weekly slots over a semester, reservations, occurrences, appointments, calendars."),
        ("Visits", "Visitors counted by category and the yearly figures."),
        ("Notices", "Every notice (French letter) sent to an organization, with its delivery per recipient."),
        ("Webhooks", "Events pushed to an organization's portal, signed (Standard Webhooks), retried for 3 days; the deliveries and their attempts."),
        ("Legal calendar", "Legal deadlines as French law computes them, and public holidays."),
        ("Personal data", "The RGPD side: the log of bulk reads of personal data (kept 12 months); exports and erasures are under Beneficiaries and Permanences."),
        ("Operations", "Jobs run on demand (platform admins)."),
    ];

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var used = swaggerDoc.Paths.Values
            .SelectMany(p => p.Operations is { } operations ? operations.Values.AsEnumerable() : [])
            .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name)
            .ToHashSet(StringComparer.Ordinal);
        swaggerDoc.Tags = new HashSet<OpenApiTag>(Tags.Where(t => used.Contains(t.Name)).Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
    }
}
