using Conventions.Modules.Partners.Contracts;

namespace Conventions.Modules.Conventions.Features;

/// <summary>
/// What a signature's evidence is made of, gathered from the request: the key that signs (its id and label, from the
/// Partners module), the client's address and user agent (<see cref="RequestOrigin"/>), and the registered signatory.
/// </summary>
internal sealed class SignatureWitness(ICurrentActor current, RequestOrigin origin, IMediator mediator)
{
    public async Task<SignatureEvidence> EvidenceAsync(CancellationToken cancellationToken)
    {
        var credentialId = current.Actor.CredentialId;
        var label = credentialId is { } id ? (await mediator.Send(new GetCredentialSummary(id), cancellationToken))?.Label : null;
        return new SignatureEvidence(credentialId, label, origin.ClientAddress, origin.UserAgent);
    }

    /// <summary>The party's signatory contact the body names (its id, or its registered name), with the contact's name and title.</summary>
    public static RegisteredSignatory Signatory(Parties parties, ConventionParty party, SignatureBody body)
    {
        var organization = party == ConventionParty.Operator ? parties.Operator : parties.Partner;
        return SignatureRules.Resolve(organization.Contacts, Convention.Describe(party), body.ContactId, body.SignatoryName, body.SignatoryTitle);
    }
}
