namespace Conventions.Modules.Partners.Features;

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
