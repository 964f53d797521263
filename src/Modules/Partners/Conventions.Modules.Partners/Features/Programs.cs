using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Web;
using Conventions.Modules.Partners.Contracts;
using Conventions.Modules.Partners.Domain;
using Conventions.Modules.Partners.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Conventions.Modules.Partners.Features;

/// <summary>A program with its operator organizations.</summary>
internal sealed record ProgramDto(string Key, string Name, IReadOnlyList<ProgramOrganizationDto> Operators, int Members);

internal sealed record ProgramOrganizationDto(Guid Id, string Name);

internal sealed record ProgramOrganizationBody
{
    /// <example>a1100000-0000-4000-8000-000000000001</example>
    public Guid? OrganizationId { get; init; }
}

internal static class ProgramNames
{
    public static string Of(string key) => key switch
    {
        ProgramKeys.CulturePourTous => "Culture pour tous",
        ProgramKeys.RucheNumerique => "La Ruche Numérique",
        _ => key,
    };

    public static string EnsureKnown(string key) =>
        ProgramKeys.IsKnown(key) ? key : throw NotFoundException.For("program", key);
}

internal sealed record ListPrograms : IQuery<ListResponse<ProgramDto>>;

internal sealed class ListProgramsHandler(PartnersDbContext db) : IQueryHandler<ListPrograms, ListResponse<ProgramDto>>
{
    public async ValueTask<ListResponse<ProgramDto>> Handle(ListPrograms query, CancellationToken cancellationToken)
    {
        var operators = await (from p in db.ProgramParticipants.AsNoTracking()
                               where p.IsOperator
                               join o in db.Organizations.AsNoTracking() on p.OrganizationId equals o.Id
                               select new { p.ProgramKey, o.Id, o.Name }).ToListAsync(cancellationToken);
        var items = new List<ProgramDto>();
        foreach (var key in ProgramKeys.All)
        {
            var members = await ProgramMembership.MembersOfAsync(db, [key], cancellationToken);
            items.Add(new ProgramDto(key, ProgramNames.Of(key),
                operators.Where(o => o.ProgramKey == key).OrderBy(o => o.Name).Select(o => new ProgramOrganizationDto(o.Id, o.Name)).ToList(),
                members.Count));
        }
        return new ListResponse<ProgramDto>(items, items.Count);
    }
}

/// <summary>The platform admin makes an organization an operator of a program (its operator-admin keys then run it).</summary>
internal sealed record AddProgramOperator(string Program, ProgramOrganizationBody Body) : ICommand<ProgramDto>;

/// <summary>The platform admin binds an organization to a program as a member.</summary>
internal sealed record AddProgramMember(string Program, ProgramOrganizationBody Body) : ICommand<ProgramDto>;

internal sealed class AddProgramOperatorValidator : AbstractValidator<AddProgramOperator>
{
    public AddProgramOperatorValidator() =>
        RuleFor(c => c.Body.OrganizationId).NotNull().WithMessage("Required.").OverridePropertyName("organizationId");
}

internal sealed class AddProgramMemberValidator : AbstractValidator<AddProgramMember>
{
    public AddProgramMemberValidator() =>
        RuleFor(c => c.Body.OrganizationId).NotNull().WithMessage("Required.").OverridePropertyName("organizationId");
}

internal sealed class ProgramParticipationHandlers(PartnersDbContext db, TimeProvider clock, IMediator mediator)
    : ICommandHandler<AddProgramOperator, ProgramDto>, ICommandHandler<AddProgramMember, ProgramDto>, ICommandHandler<JoinProgram, bool>
{
    public async ValueTask<ProgramDto> Handle(AddProgramOperator command, CancellationToken cancellationToken)
    {
        await AddAsync(command.Program, command.Body.OrganizationId!.Value, isOperator: true, cancellationToken);
        return await ReadAsync(command.Program, cancellationToken);
    }

    public async ValueTask<ProgramDto> Handle(AddProgramMember command, CancellationToken cancellationToken)
    {
        await AddAsync(command.Program, command.Body.OrganizationId!.Value, isOperator: false, cancellationToken);
        return await ReadAsync(command.Program, cancellationToken);
    }

    public async ValueTask<bool> Handle(JoinProgram command, CancellationToken cancellationToken) =>
        await AddAsync(command.Program, command.OrganizationId, isOperator: false, cancellationToken);

    private async Task<bool> AddAsync(string program, Guid organizationId, bool isOperator, CancellationToken cancellationToken)
    {
        ProgramNames.EnsureKnown(program);
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken))
        {
            throw NotFoundException.For("organization", organizationId);
        }
        var existing = db.ProgramParticipants.Local.FirstOrDefault(p => p.ProgramKey == program && p.OrganizationId == organizationId)
            ?? await db.ProgramParticipants.SingleOrDefaultAsync(p => p.ProgramKey == program && p.OrganizationId == organizationId, cancellationToken);
        if (existing is null)
        {
            db.ProgramParticipants.Add(new ProgramParticipant { ProgramKey = program, OrganizationId = organizationId, IsOperator = isOperator, Since = clock.GetUtcNow() });
            return true;
        }
        if (isOperator && !existing.IsOperator)
        {
            existing.IsOperator = true;
            return true;
        }
        return false;
    }

    private async Task<ProgramDto> ReadAsync(string program, CancellationToken cancellationToken)
    {
        // Read after the pending change is saved, so the answer shows it (the unit of work commits once more: a no-op).
        await db.SaveChangesAsync(cancellationToken);
        var all = await mediator.Send(new ListPrograms(), cancellationToken);
        return all.Items.Single(p => p.Key == program);
    }
}

/// <summary>The platform admin removes an operator from a program: its operator-admin keys stop acting in it at once.</summary>
internal sealed record RemoveProgramOperator(string Program, Guid OrganizationId) : ICommand<ProgramDto>;

internal sealed class RemoveProgramOperatorHandler(PartnersDbContext db, IMediator mediator) : ICommandHandler<RemoveProgramOperator, ProgramDto>
{
    public async ValueTask<ProgramDto> Handle(RemoveProgramOperator command, CancellationToken cancellationToken)
    {
        ProgramNames.EnsureKnown(command.Program);
        var row = await db.ProgramParticipants.SingleOrDefaultAsync(p => p.ProgramKey == command.Program && p.OrganizationId == command.OrganizationId && p.IsOperator, cancellationToken)
            ?? throw new NotFoundException("program.operator_not_found", "This organization is not an operator of the program.");
        db.ProgramParticipants.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        var all = await mediator.Send(new ListPrograms(), cancellationToken);
        return all.Items.Single(p => p.Key == command.Program);
    }
}

internal sealed class GetOrganizationProgramsHandler(PartnersDbContext db) : IQueryHandler<GetOrganizationPrograms, OrganizationPrograms>
{
    public async ValueTask<OrganizationPrograms> Handle(GetOrganizationPrograms query, CancellationToken cancellationToken) =>
        await ProgramMembership.OfAsync(db, query.OrganizationId, cancellationToken);
}

internal static class ProgramEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/programs").WithTags("Programs");

        group.MapGet("/", async Task<Ok<ListResponse<ProgramDto>>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListPrograms(), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin, Role.Booker, Role.Publisher, Role.Partner)
            .WithSummary("The programs (culture-pour-tous, ruche-numerique) with their operator organizations.")
            .ProducesRefusals(401, 403);

        group.MapPost("/{key}/operators", async Task<Ok<ProgramDto>> (string key, ProgramOrganizationBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new AddProgramOperator(key, body), ct)))
            .RequireRoles(Role.PlatformAdmin)
            .WithSummary("Platform admins: makes an organization an operator of the program. Its operator-admin keys then act within the program only.")
            .ProducesRefusals(400, 401, 403, 404);

        group.MapDelete("/{key}/operators/{organizationId:guid}", async Task<Ok<ProgramDto>> (string key, Guid organizationId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RemoveProgramOperator(key, organizationId), ct)))
            .RequireRoles(Role.PlatformAdmin)
            .WithSummary("Platform admins: removes an operator from the program.")
            .ProducesRefusals(401, 403, 404);

        group.MapPost("/{key}/members", async Task<Ok<ProgramDto>> (string key, ProgramOrganizationBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new AddProgramMember(key, body), ct)))
            .RequireRoles(Role.PlatformAdmin)
            .WithSummary("Platform admins: binds an organization to the program (operators register theirs with POST /organizations).")
            .ProducesRefusals(400, 401, 403, 404);
    }
}
