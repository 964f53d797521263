using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Web;
using Conventions.Modules.Conventions.Contracts;
using Conventions.Modules.Conventions.Domain;
using Conventions.Modules.Conventions.Persistence;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Conventions.Modules.Conventions.Features;

internal sealed record GetConvention(Guid Id) : IQuery<ConventionDto>;

internal sealed record ListConventions(ConventionStatus? Status, string? TemplateKey, Guid? OrganizationId) : IQuery<ListResponse<ConventionDto>>;

/// <summary>The printable document; <see cref="Original"/> 1 or 2 prints "Exemplaire original n/2".</summary>
internal sealed record GetConventionDocument(Guid Id, int? Original) : IQuery<string>;

internal sealed class ReadingHandlers(ConventionsDbContext db, ICurrentActor current, ConventionDocuments documents)
    : IQueryHandler<GetConvention, ConventionDto>, IQueryHandler<ListConventions, ListResponse<ConventionDto>>, IQueryHandler<GetConventionDocument, string>
{
    public async ValueTask<ConventionDto> Handle(GetConvention query, CancellationToken cancellationToken)
    {
        var convention = await ConventionAccess.LoadAsync(db, query.Id, cancellationToken);
        ConventionAccess.EnsureCanRead(current.Actor, convention);
        return ConventionMapping.ToDto(convention);
    }

    public async ValueTask<ListResponse<ConventionDto>> Handle(ListConventions query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var conventions = db.Conventions.AsNoTracking().Include(c => c.Committees).AsQueryable();
        if (!actor.SeesEverything)
        {
            var own = actor.OrganizationId;
            conventions = conventions.Where(c => c.OperatorOrganizationId == own || c.PartnerOrganizationId == own);
        }
        if (query.Status is { } status)
        {
            conventions = conventions.Where(c => c.Status == status);
        }
        if (query.TemplateKey is { } key)
        {
            conventions = conventions.Where(c => c.TemplateKey == key);
        }
        if (query.OrganizationId is { } organizationId)
        {
            conventions = conventions.Where(c => c.OperatorOrganizationId == organizationId || c.PartnerOrganizationId == organizationId);
        }
        var items = await conventions.OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        return new ListResponse<ConventionDto>(items.Select(c => ConventionMapping.ToDto(c, withHistory: false)).ToList(), items.Count);
    }

    public async ValueTask<string> Handle(GetConventionDocument query, CancellationToken cancellationToken)
    {
        if (query.Original is not (null or 1 or 2))
        {
            throw InvalidInputException.Field("original", "1 or 2: the convention is made in two originals.");
        }
        var convention = await ConventionAccess.LoadAsync(db, query.Id, cancellationToken);
        ConventionAccess.EnsureCanRead(current.Actor, convention);
        if (query.Original is not null && convention.Status is ConventionStatus.Draft or ConventionStatus.AwaitingSignatures)
        {
            throw new ConflictException("convention.not_signed", "Originals are printed once both parties have signed.");
        }
        var applied = await db.Amendments.AsNoTracking()
            .Where(a => a.ConventionId == convention.Id && a.Status == AmendmentStatus.Applied).ToListAsync(cancellationToken);
        return documents.RenderPrint(convention, await documents.PartiesAsync(convention, cancellationToken), query.Original, applied);
    }
}

internal static class ReadingEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/conventions").WithTags("Conventions");

        group.MapGet("/", async Task<Ok<ListResponse<ConventionDto>>> (ConventionStatus? status, string? templateKey, Guid? organizationId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListConventions(status, templateKey, organizationId), ct)))
            .WithSummary("Lists the conventions the caller is a party to (all of them for platform admins).")
            .ProducesRefusals(400, 401, 403);

        group.MapGet("/{id:guid}", async Task<Ok<ConventionDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetConvention(id), ct)))
            .WithSummary("Reads a convention: status, term, current period, policies, document hash, signatures, committees, history.")
            .ProducesRefusals(401, 403, 404);

        group.MapGet("/{id:guid}/document", async Task<ContentHttpResult> (Guid id, int? original, IMediator mediator, CancellationToken ct) =>
                TypedResults.Content(await mediator.Send(new GetConventionDocument(id, original), ct), "text/html; charset=utf-8"))
            .ProducesText("text/html")
            .WithSummary("The convention as printable HTML: the draft, or the frozen text with its signatures and SHA-256. ?original=1 or 2 prints each original.")
            .ProducesRefusals(400, 401, 403, 404, 409);
    }
}
