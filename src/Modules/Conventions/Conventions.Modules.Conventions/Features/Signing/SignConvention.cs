using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Conventions.Features;

/// <summary>
/// A party's signature: which of its registered signatory contacts signs (<c>contactId</c>, or the contact's
/// registered name) and the place. The date is the server's day in Europe/Paris; the name and title are the contact's.
/// </summary>
internal sealed record SignatureBody
{
    /// <example>partner</example>
    public ConventionParty? Party { get; init; }

    /// <summary>The signatory contact of the party's organization (<c>POST /organizations/{id}/contacts</c> with the role <c>signatory</c>).</summary>
    public Guid? ContactId { get; init; }

    /// <summary>The contact's registered name: names the contact when <c>contactId</c> is absent, must be the contact's otherwise.</summary>
    /// <example>Claire MARTIN</example>
    public string? SignatoryName { get; init; }

    /// <summary>Optional: when given, must be the contact's registered title.</summary>
    /// <example>Directrice</example>
    public string? SignatoryTitle { get; init; }

    /// <example>Lyon</example>
    public string? Place { get; init; }

    /// <summary>Optional: the server dates the signature (today in Europe/Paris); when given, must be that day.</summary>
    /// <example>2026-09-15</example>
    public DateOnly? SignedOn { get; init; }
}

internal sealed record SignConvention(Guid ConventionId, SignatureBody Body) : ICommand<ConventionDto>;

internal sealed class SignatureBodyValidator : AbstractValidator<SignatureBody>
{
    public SignatureBodyValidator(TimeProvider clock)
    {
        RuleFor(s => s.Party).NotNull().WithMessage("Required: operator or partner.");
        RuleFor(s => s.SignatoryName).OptionalText(200);
        // Either names the signatory: reported under "signatory", a rule on the two fields together, so that the contract
        // lists neither as required.
        RuleFor(s => s).Must(s => s.ContactId is not null || !string.IsNullOrWhiteSpace(s.SignatoryName))
            .OverridePropertyName("signatory")
            .WithMessage("Required: contactId (the registered signatory contact) or signatoryName (its registered name).");
        RuleFor(s => s.SignatoryTitle).OptionalText(200);
        RuleFor(s => s.Place).RequiredText(120);
        RuleFor(s => s.SignedOn).Must(d => d is null || d == clock.Today())
            .WithMessage(_ => $"The signature is dated by the server: today in Europe/Paris is {clock.Today():yyyy-MM-dd}; omit signedOn or send that day.");
    }
}

internal sealed class SignConventionValidator : AbstractValidator<SignConvention>
{
    public SignConventionValidator(TimeProvider clock) => RuleFor(c => c.Body).SetValidator(new SignatureBodyValidator(clock));
}

internal sealed class SignConventionHandler(ConventionsDbContext db, ICurrentActor current, TimeProvider clock, ConventionDocuments documents, ConventionEffects effects, SignatureWitness witness)
    : ICommandHandler<SignConvention, ConventionDto>
{
    public async ValueTask<ConventionDto> Handle(SignConvention command, CancellationToken cancellationToken)
    {
        var convention = await ConventionAccess.LoadAsync(db, command.ConventionId, cancellationToken);
        var body = command.Body;
        var party = body.Party!.Value;
        ConventionAccess.EnsureCanSignFor(current.Actor, convention, party);
        var parties = await documents.PartiesAsync(convention, cancellationToken);
        var signer = SignatureWitness.Signatory(parties, party, body);
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var effect = convention.Sign(party, signer, body.Place!.Trim(), await witness.EvidenceAsync(cancellationToken), today, now);
        if (effect is not null)
        {
            effects.Publish(db, convention, parties, [effect], today, now);
        }
        return ConventionMapping.ToDto(convention);
    }
}
