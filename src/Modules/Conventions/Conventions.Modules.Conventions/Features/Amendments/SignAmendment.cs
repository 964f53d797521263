namespace Conventions.Modules.Conventions.Features;

internal sealed record SignAmendment(Guid ConventionId, Guid AmendmentId, SignatureBody Body) : ICommand<AmendmentDto>;

internal sealed class SignAmendmentValidator : AbstractValidator<SignAmendment>
{
    public SignAmendmentValidator(TimeProvider clock) => RuleFor(c => c.Body).SetValidator(new SignatureBodyValidator(clock));
}

internal sealed class SignAmendmentHandler(ConventionsDbContext db, ICurrentActor current, TimeProvider clock, ConventionDocuments documents, SignatureWitness witness)
    : ICommandHandler<SignAmendment, AmendmentDto>
{
    public async ValueTask<AmendmentDto> Handle(SignAmendment command, CancellationToken cancellationToken)
    {
        var convention = await ConventionAccess.LoadAsync(db, command.ConventionId, cancellationToken);
        var body = command.Body;
        var party = body.Party!.Value;
        ConventionAccess.EnsureCanSignFor(current.Actor, convention, party);
        var amendment = await db.Amendments.SingleOrDefaultAsync(a => a.Id == command.AmendmentId && a.ConventionId == convention.Id, cancellationToken)
            ?? throw NotFoundException.For("amendment", command.AmendmentId);
        var signer = SignatureWitness.Signatory(await documents.PartiesAsync(convention, cancellationToken), party, body);
        var now = clock.GetUtcNow();
        var complete = amendment.Sign(party, signer, body.Place!.Trim(), await witness.EvidenceAsync(cancellationToken),
            clock.Today(), SignatureRules.ParisDayOf(amendment.CreatedAt), now);
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
