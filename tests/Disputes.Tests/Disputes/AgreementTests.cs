using System.Net;
using Conventions.Testing;
using Disputes.Tests.Driver;

namespace Disputes.Tests.Disputes;

/// <summary><c>POST /disputes/{id}/agreement</c>: an agreement takes both parties; the first is a proposal.</summary>
public sealed class AgreementTests : DisputeTest
{
    [Fact]
    public async Task An_agreement_recorded_by_both_parties_resolves_the_dispute_and_reinstates_the_convention()
    {
        var disputes = await DisputeDriver.CultureAsync(Factory);
        var dispute = await disputes.OpenAsync();
        var agreement = new { agreedOn = "2026-11-23", summary = "Le référent annulera les réservations inutilisées." };

        // The party at fault alone cannot lift its own suspension: its agreement is a proposal.
        var proposed = await disputes.StepAsync(disputes.Partner, dispute.Id, "agreement", agreement);
        Assert.Equal(("awaiting-explanation", "partner"), (proposed.Status, proposed.Agreement!.ProposedBy));
        Assert.Equal("suspended", await disputes.ConventionStatusAsync());
        await disputes.StepCall(disputes.Partner, dispute.Id, "agreement", agreement).ExpectProblemAsync(HttpStatusCode.Conflict, "dispute.agreement_already_proposed");

        var resolved = await disputes.StepAsync(disputes.Operator, dispute.Id, "agreement", agreement);

        Assert.Equal("resolved", resolved.Status);
        Assert.Equal(["partner", "operator"], resolved.Agreement!.AgreedBy);
        Assert.Equal("active", await disputes.ConventionStatusAsync());
        await disputes.OpenAsync();
    }
}
