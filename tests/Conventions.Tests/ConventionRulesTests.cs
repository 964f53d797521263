using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Rendering;
using Conventions.Modules.Conventions.Contracts;
using Conventions.Modules.Conventions.Domain;

namespace Conventions.Tests;

/// <summary>The convention's lifecycle, term and renewal rules, on the domain with fixed dates.</summary>
public sealed class ConventionRulesTests
{
    internal static readonly DateTimeOffset Now = new(2026, 11, 23, 11, 0, 0, TimeSpan.Zero);

    internal static DateOnly D(int y, int m, int d) => new(y, m, d);

    internal static Convention Culture(DateOnly startsOn, DateOnly endsOn) => Convention.Draft(
        TemplateCatalog.CulturePourTous, Guid.NewGuid(), Guid.NewGuid(), startsOn, endsOn, "Lyon",
        new Signatory { FullName = "Anne Sophie CONDEMINE", Title = "Présidente" },
        new Signatory { FullName = "Claire MARTIN", Title = "Directrice" },
        new Dictionary<string, string>(), Now);

    internal static Convention Ruche(DateOnly startsOn) => Convention.Draft(
        TemplateCatalog.RucheNumerique, Guid.NewGuid(), Guid.NewGuid(), startsOn, startsOn.AddYears(1).AddDays(-1), "Bagnols-sur-Cèze",
        new Signatory { FullName = "Jean-Yves CHAPELET", Title = "Maire" },
        new Signatory { FullName = "Maryse NORDEZ-RYEZ", Title = "Présidente" },
        new Dictionary<string, string>(), Now);

    private static readonly RegisteredSignatory Operator = new(Guid.NewGuid(), "Anne Sophie CONDEMINE", "Présidente");
    private static readonly RegisteredSignatory Partner = new(Guid.NewGuid(), "Claire MARTIN", "Directrice");
    private static readonly SignatureEvidence Evidence = new(Guid.NewGuid(), "clé de test", "192.0.2.10", "tests");

    private static DateTimeOffset At(DateOnly day) => Conventions.BuildingBlocks.Time.ParisTime.At(day, new TimeOnly(10, 0));

    internal static Convention Signed(Convention convention, DateOnly today)
    {
        convention.SendForSignature(RenderedDocument.Of("<article>texte</article>"), At(today));
        convention.Sign(ConventionParty.Operator, Operator, "Lyon", Evidence, today, At(today));
        convention.Sign(ConventionParty.Partner, Partner, "Lyon", Evidence, today, At(today));
        return convention;
    }

    [Fact]
    public void A_draft_cannot_be_signed_before_it_is_sent_for_signature()
    {
        var convention = Culture(D(2019, 10, 1), D(2020, 9, 30));

        var refusal = Assert.Throws<ConflictException>(() => convention.Sign(ConventionParty.Partner, Partner, "Lyon", Evidence, D(2019, 9, 1), Now));

        Assert.Equal("convention.not_awaiting_signatures", refusal.Code);
    }

    [Fact]
    public void The_same_party_cannot_sign_twice()
    {
        var convention = Culture(D(2019, 10, 1), D(2020, 9, 30));
        convention.SendForSignature(RenderedDocument.Of("<article/>"), At(D(2019, 9, 1)));
        convention.Sign(ConventionParty.Partner, Partner, "Lyon", Evidence, D(2019, 9, 1), At(D(2019, 9, 1)));

        var refusal = Assert.Throws<ConflictException>(() => convention.Sign(ConventionParty.Partner, Partner, "Lyon", Evidence, D(2019, 9, 2), At(D(2019, 9, 2))));

        Assert.Equal("convention.already_signed", refusal.Code);
    }

    [Fact]
    public void Sending_for_signature_freezes_the_document_and_its_hash_and_only_a_draft_is_sent()
    {
        var convention = Culture(D(2019, 10, 1), D(2020, 9, 30));
        var document = RenderedDocument.Of("<article>texte figé</article>");

        convention.SendForSignature(document, Now);

        Assert.Equal(ConventionStatus.AwaitingSignatures, convention.Status);
        Assert.Equal(document.Sha256, convention.DocumentSha256);
        Assert.Equal("convention.wrong_step", Assert.Throws<ConflictException>(() => convention.SendForSignature(document, Now)).Code);
        Assert.Equal("convention.frozen", Assert.Throws<ConflictException>(convention.EnsureDraft).Code);
    }

    [Fact]
    public void Signed_by_both_before_its_start_a_convention_is_signed_until_its_start_date_then_active()
    {
        var convention = Signed(Culture(D(2019, 10, 1), D(2020, 9, 30)), D(2019, 9, 12));

        Assert.Equal(ConventionStatus.Signed, convention.Status);
        Assert.Equal(D(2019, 10, 1), convention.NextDueOn);
        Assert.Empty(convention.ApplyDue(D(2019, 9, 30), Now));

        var effects = convention.ApplyDue(D(2019, 10, 1), Now);

        Assert.Equal(ConventionStatus.Active, convention.Status);
        Assert.Equal(EffectKind.Activated, Assert.Single(effects).Kind);
    }

    [Fact]
    public void Signed_by_both_after_its_start_a_convention_is_active_at_once()
    {
        var convention = Signed(Culture(D(2019, 10, 1), D(2020, 9, 30)), D(2019, 10, 15));

        Assert.Equal(ConventionStatus.Active, convention.Status);
    }

    [Fact]
    public void A_fixed_term_sends_its_notice_one_month_before_the_end_once_and_expires_the_day_after_the_end()
    {
        var convention = Signed(Culture(D(2019, 10, 1), D(2020, 9, 30)), D(2019, 10, 15));
        Assert.Equal(D(2020, 8, 30), convention.NextDueOn);

        Assert.Empty(convention.ApplyDue(D(2020, 8, 29), Now));
        Assert.Equal(EffectKind.EndOfTermNotice, Assert.Single(convention.ApplyDue(D(2020, 8, 30), Now)).Kind);
        Assert.Empty(convention.ApplyDue(D(2020, 8, 30), Now));
        Assert.Empty(convention.ApplyDue(D(2020, 9, 30), Now));
        Assert.Equal(ConventionStatus.Active, convention.Status);

        var expiry = Assert.Single(convention.ApplyDue(D(2020, 10, 1), Now));

        Assert.Equal(EffectKind.Expired, expiry.Kind);
        Assert.Equal(D(2020, 10, 1), expiry.On);
        Assert.Equal(ConventionStatus.Expired, convention.Status);
        Assert.Null(convention.NextDueOn);
        Assert.Empty(convention.ApplyDue(D(2020, 10, 2), Now));
    }

    [Fact]
    public void The_end_notice_of_a_term_ending_on_31_March_goes_out_on_the_last_day_of_February() =>
        Assert.Equal(D(2021, 2, 28), Signed(Culture(D(2020, 4, 1), D(2021, 3, 31)), D(2020, 4, 2)).EndNoticeDate);

    [Fact]
    public void A_service_down_past_the_end_sends_no_stale_notice_and_expires_the_convention()
    {
        var convention = Signed(Culture(D(2019, 10, 1), D(2020, 9, 30)), D(2019, 10, 15));

        var effects = convention.ApplyDue(D(2020, 11, 5), Now);

        Assert.Equal(new[] { EffectKind.Expired }, effects.Select(e => e.Kind));
    }

    [Fact]
    public void A_tacit_convention_reminds_the_operator_at_the_start_of_the_last_quarter_when_no_committee_is_scheduled()
    {
        var convention = Signed(Ruche(D(2024, 1, 1)), D(2024, 1, 5));
        Assert.Equal(D(2024, 10, 1), convention.NextDueOn);

        Assert.Empty(convention.ApplyDue(D(2024, 9, 30), Now));
        var reminder = Assert.Single(convention.ApplyDue(D(2024, 10, 1), Now));

        Assert.Equal(EffectKind.CommitteeReminder, reminder.Kind);
        Assert.Empty(convention.ApplyDue(D(2024, 10, 2), Now));
        Assert.Equal(D(2025, 1, 1), convention.NextDueOn);
    }

    [Fact]
    public void No_reminder_goes_out_when_the_committee_is_already_scheduled()
    {
        var convention = Signed(Ruche(D(2024, 1, 1)), D(2024, 1, 5));
        convention.ApplyDue(D(2024, 9, 1), Now);
        Assert.Throws<BusinessRuleException>(() => convention.ScheduleCommittee(D(2024, 9, 30), Now));
        convention.ScheduleCommittee(D(2024, 11, 28), Now);

        Assert.Empty(convention.ApplyDue(D(2024, 10, 1), Now));
    }

    [Theory]
    [InlineData(2024, 9, 30)]
    [InlineData(2025, 1, 1)]
    [InlineData(2023, 12, 31)]
    public void A_committee_outside_the_last_quarter_of_the_current_period_is_refused(int year, int month, int day)
    {
        var convention = Signed(Ruche(D(2024, 1, 1)), D(2024, 1, 5));

        var refusal = Assert.Throws<BusinessRuleException>(() => convention.ScheduleCommittee(D(year, month, day), Now));

        Assert.Equal("committee.outside_last_quarter", refusal.Code);
    }

    [Fact]
    public void A_fixed_term_convention_holds_no_committee() =>
        Assert.Equal("committee.not_applicable",
            Assert.Throws<BusinessRuleException>(() => Signed(Culture(D(2019, 10, 1), D(2020, 9, 30)), D(2019, 10, 2)).ScheduleCommittee(D(2020, 8, 1), Now)).Code);

    [Fact]
    public void At_the_end_of_a_period_a_tacit_convention_renews_for_one_year()
    {
        var convention = Signed(Ruche(D(2024, 1, 1)), D(2024, 1, 5));
        var committee = convention.ScheduleCommittee(D(2024, 11, 28), Now);
        convention.RecordDecision(committee.Id, renew: true, "Bilan positif", D(2024, 11, 28), Now);

        var renewal = Assert.Single(convention.ApplyDue(D(2025, 1, 1), Now));

        Assert.Equal(EffectKind.Renewed, renewal.Kind);
        Assert.Equal((D(2025, 1, 1), D(2025, 12, 31)), (convention.PeriodStartsOn, convention.PeriodEndsOn));
        Assert.Equal(1, convention.Renewals);
        Assert.Equal(ConventionStatus.Active, convention.Status);
    }

    [Fact]
    public void A_committee_decision_not_to_renew_makes_the_convention_expire_at_the_end_of_the_period()
    {
        var convention = Signed(Ruche(D(2024, 1, 1)), D(2024, 1, 5));
        var committee = convention.ScheduleCommittee(D(2024, 11, 28), Now);
        convention.RecordDecision(committee.Id, renew: false, "Fin d'activité de l'association", D(2024, 11, 28), Now);

        Assert.Empty(convention.ApplyDue(D(2024, 12, 31), Now));
        var expiry = Assert.Single(convention.ApplyDue(D(2025, 1, 1), Now));

        Assert.Equal(EffectKind.Expired, expiry.Kind);
        Assert.Equal(ConventionStatus.Expired, convention.Status);
    }

    [Fact]
    public void Periods_missed_while_the_service_was_down_are_caught_up_one_by_one()
    {
        var convention = Signed(Ruche(D(2024, 1, 1)), D(2024, 1, 5));

        var effects = convention.ApplyDue(D(2027, 3, 15), Now);

        Assert.Equal(
            new[] { D(2025, 1, 1), D(2026, 1, 1), D(2027, 1, 1) },
            effects.Where(e => e.Kind == EffectKind.Renewed).Select(e => e.PeriodStartsOn!.Value));
        Assert.Equal((D(2027, 1, 1), D(2027, 12, 31)), (convention.PeriodStartsOn, convention.PeriodEndsOn));
        Assert.Equal(3, convention.Renewals);
        Assert.Empty(convention.ApplyDue(D(2027, 3, 15), Now));
    }

    [Fact]
    public void Catching_up_stops_at_the_period_a_committee_decided_not_to_renew()
    {
        var convention = Signed(Ruche(D(2024, 1, 1)), D(2024, 1, 5));
        convention.ApplyDue(D(2025, 1, 1), Now);
        var committee = convention.ScheduleCommittee(D(2025, 12, 10), Now);
        convention.RecordDecision(committee.Id, renew: false, "Non reconduite", D(2025, 12, 10), Now);

        var effects = convention.ApplyDue(D(2027, 6, 1), Now);

        Assert.Equal(new[] { EffectKind.Expired }, effects.Select(e => e.Kind));
        Assert.Equal(D(2025, 12, 31), convention.PeriodEndsOn);
    }

    [Fact]
    public void A_committee_decision_is_recorded_once_and_only_after_the_meeting()
    {
        var convention = Signed(Ruche(D(2024, 1, 1)), D(2024, 1, 5));
        var committee = convention.ScheduleCommittee(D(2024, 11, 28), Now);

        Assert.Equal("committee.not_yet_held", Assert.Throws<BusinessRuleException>(() => convention.RecordDecision(committee.Id, true, "x", D(2024, 11, 27), Now)).Code);
        convention.RecordDecision(committee.Id, true, "x", D(2024, 11, 28), Now);
        Assert.Equal("committee.already_decided", Assert.Throws<ConflictException>(() => convention.RecordDecision(committee.Id, false, "y", D(2024, 11, 29), Now)).Code);
    }

    [Fact]
    public void Dispute_status_changes_are_idempotent_and_refuse_wrong_steps()
    {
        var convention = Signed(Culture(D(2019, 10, 1), D(2020, 9, 30)), D(2019, 10, 2));

        Assert.True(convention.ChangeStatus(ConventionChange.Suspended, "manquement", D(2019, 11, 4), Now));
        Assert.False(convention.ChangeStatus(ConventionChange.Suspended, "manquement", D(2019, 11, 4), Now));
        Assert.Equal(ConventionStatus.Suspended, convention.Status);
        Assert.True(convention.ChangeStatus(ConventionChange.Reinstated, "accord", D(2019, 11, 10), Now));
        Assert.False(convention.ChangeStatus(ConventionChange.Reinstated, "accord", D(2019, 11, 10), Now));
        Assert.True(convention.ChangeStatus(ConventionChange.Terminated, "résiliation", D(2019, 12, 1), Now));
        Assert.Equal("convention.not_active", Assert.Throws<ConflictException>(() => convention.ChangeStatus(ConventionChange.Suspended, "x", D(2019, 12, 2), Now)).Code);
        Assert.Null(convention.NextDueOn);
    }

    [Fact]
    public void A_suspended_fixed_term_convention_still_expires_at_its_end()
    {
        var convention = Signed(Culture(D(2019, 10, 1), D(2020, 9, 30)), D(2019, 10, 2));
        convention.ChangeStatus(ConventionChange.Suspended, "manquement", D(2020, 9, 1), Now);

        convention.ApplyDue(D(2020, 10, 1), Now);

        Assert.Equal(ConventionStatus.Expired, convention.Status);
    }

    [Fact]
    public void An_applied_amendment_raises_the_version_and_moves_the_end_and_its_notice()
    {
        var convention = Signed(Culture(D(2019, 10, 1), D(2020, 9, 30)), D(2019, 10, 2));

        convention.ApplyAmendment(1, D(2020, 12, 31), new Dictionary<string, string>(), Now);

        Assert.Equal(2, convention.Version);
        Assert.Equal(D(2020, 12, 31), convention.EndsOn);
        Assert.Equal(D(2020, 11, 30), convention.NextDueOn);
    }
}
