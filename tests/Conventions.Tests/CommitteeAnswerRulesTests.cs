using Conventions.BuildingBlocks.Errors;
using Conventions.Modules.Conventions.Contracts;
using Conventions.Modules.Conventions.Domain;
using static Conventions.Tests.ConventionRulesTests;

namespace Conventions.Tests;

/// <summary>How a tacitly renewed period ends: the committee's decision and the partner's answer (issue 18), on the domain.</summary>
public sealed class CommitteeAnswerRulesTests
{
    [Theory]
    [InlineData(null, null, "Tacit", ConventionStatus.Active)]
    [InlineData(true, null, "TacitUnconfirmed", ConventionStatus.Active)]
    [InlineData(true, true, "Agreed", ConventionStatus.Active)]
    [InlineData(true, false, "PartnerDeclined", ConventionStatus.Expired)]
    [InlineData(false, null, "CommitteeRefused", ConventionStatus.Expired)]
    [InlineData(false, true, "CommitteeRefused", ConventionStatus.Expired)]
    [InlineData(false, false, "CommitteeRefused", ConventionStatus.Expired)]
    public void A_period_ends_by_the_committees_decision_and_the_partners_answer_or_else_by_the_tacit_rule(
        bool? renew, bool? partnerAgrees, string basis, ConventionStatus status)
    {
        var convention = Signed(Ruche(D(2024, 1, 1)), D(2024, 1, 5));
        if (renew is { } decided)
        {
            var committee = convention.ScheduleCommittee(D(2024, 11, 28), Now);
            convention.RecordDecision(committee.Id, decided, "Bilan", D(2024, 11, 28), Now);
            if (partnerAgrees is { } agrees)
            {
                convention.AnswerDecision(committee.Id, agrees, null, Guid.NewGuid(), D(2024, 12, 31), Now);
                Assert.Equal("committee.already_answered",
                    Assert.Throws<ConflictException>(() => convention.AnswerDecision(committee.Id, agrees, null, null, D(2024, 12, 31), Now)).Code);
            }
        }

        var effect = Assert.Single(convention.ApplyDue(D(2025, 1, 1), Now));

        Assert.Equal((Enum.Parse<TermBasis>(basis), status), (effect.Basis!.Value, convention.Status));
    }

    [Fact]
    public void The_partner_answers_a_recorded_decision_and_only_before_its_period_ends()
    {
        var convention = Signed(Ruche(D(2024, 1, 1)), D(2024, 1, 5));
        var committee = convention.ScheduleCommittee(D(2024, 11, 28), Now);

        Assert.Equal("committee.not_decided",
            Assert.Throws<ConflictException>(() => convention.AnswerDecision(committee.Id, true, null, null, D(2024, 11, 28), Now)).Code);
        convention.RecordDecision(committee.Id, renew: true, "Bilan", D(2024, 11, 28), Now);
        Assert.Equal("committee.period_over",
            Assert.Throws<ConflictException>(() => convention.AnswerDecision(committee.Id, true, null, null, D(2025, 1, 1), Now)).Code);
    }
}
