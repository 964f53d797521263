using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Partners.Features;

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
