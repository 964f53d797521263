namespace Conventions.Modules.Conventions.Features;

/// <summary>Freezes the rendered document and its SHA-256, and opens the convention to signatures.</summary>
internal sealed record SendForSignature(Guid ConventionId) : ICommand<ConventionDto>;

internal sealed class SendForSignatureHandler(ConventionsDbContext db, ICurrentActor current, TimeProvider clock, ConventionDocuments documents)
    : ICommandHandler<SendForSignature, ConventionDto>
{
    public async ValueTask<ConventionDto> Handle(SendForSignature command, CancellationToken cancellationToken)
    {
        var convention = await ConventionAccess.LoadAsync(db, command.ConventionId, cancellationToken);
        ConventionAccess.EnsureOperator(current.Actor, convention);
        convention.EnsureDraft();
        var document = documents.RenderBody(convention, await documents.PartiesForTextAsync(convention, cancellationToken), draft: false);
        var now = clock.GetUtcNow();
        convention.SendForSignature(document, now, current.Actor.CredentialId);
        db.Publish(new ConventionSignatureRequested(now, convention.Id, convention.TemplateKey, convention.OperatorOrganizationId,
            convention.PartnerOrganizationId, convention.DocumentSha256!));
        return ConventionMapping.ToDto(convention);
    }
}
