namespace Conventions.Modules.Conventions.Features;

internal sealed record SignAmendment(Guid ConventionId, Guid AmendmentId, SignatureBody Body) : ICommand<AmendmentDto>;

internal sealed class SignAmendmentValidator : AbstractValidator<SignAmendment>
{
    public SignAmendmentValidator(TimeProvider clock) => RuleFor(c => c.Body).SetValidator(new SignatureBodyValidator(clock));
}

internal sealed class SignAmendmentHandler(ConventionsDbContext db, ICurrentActor current, TimeProvider clock) : ICommandHandler<SignAmendment, AmendmentDto>
{
    public async ValueTask<AmendmentDto> Handle(SignAmendment command, CancellationToken cancellationToken)
    {
        var convention = await ConventionAccess.LoadAsync(db, command.ConventionId, cancellationToken);
        var body = command.Body;
        ConventionAccess.EnsureCanActFor(current.Actor, convention, body.Party!.Value);
        var amendment = await db.Amendments.SingleOrDefaultAsync(a => a.Id == command.AmendmentId && a.ConventionId == convention.Id, cancellationToken)
            ?? throw NotFoundException.For("amendment", command.AmendmentId);
        var now = clock.GetUtcNow();
        var complete = amendment.Sign(body.Party.Value, body.SignatoryName!.Trim(), body.SignatoryTitle!.Trim(), body.Place!.Trim(), body.SignedOn!.Value, now);
        if (complete)
        {
            convention.EnsureAmendable();
            amendment.Status = AmendmentStatus.Applied;
            amendment.AppliedAt = now;
            convention.ApplyAmendment(amendment.Number, amendment.NewEndsOn, amendment.NewVariables, now);
        }
        return AmendmentMapping.ToDto(amendment, convention.Version);
    }
}
