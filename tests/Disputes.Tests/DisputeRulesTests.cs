using Conventions.BuildingBlocks.Errors;
using Conventions.Modules.Conventions.Contracts;
using Conventions.Modules.Disputes.Contracts;
using Conventions.Modules.Disputes.Domain;
using Conventions.Modules.Scheduling.Contracts;

namespace Disputes.Tests;

/// <summary>Both dispute procedures (Culture pour tous art. 6; Ruche art. 3 and 6) on the domain, with fixed dates.</summary>
public sealed class DisputeRulesTests
{
    private static readonly DateTimeOffset Now = new(2024, 4, 23, 10, 0, 0, TimeSpan.Zero);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static ConventionSummary Convention(DisputePolicy policy, ConventionStatus status = ConventionStatus.Active) => new(
        Guid.NewGuid(), policy == DisputePolicy.SuspendExplainTerminate ? ConventionTemplates.CultureSocialPartner : ConventionTemplates.RuchePremises,
        Guid.NewGuid(), Guid.NewGuid(), status, policy,
        policy == DisputePolicy.SuspendExplainTerminate ? RenewalPolicy.None : RenewalPolicy.TacitYearly,
        D(2023, 10, 1), D(2024, 9, 30), D(2023, 10, 1), D(2024, 9, 30));

    private static (Dispute Dispute, List<DisputeEffect> Effects) Culture(DateOnly notifiedOn) =>
        Dispute.Open(Convention(DisputePolicy.SuspendExplainTerminate), ConventionParty.Operator, DisputeKind.Breach, "Réservations inutilisées",
            NoticeChannel.SimpleLetter, notifiedOn.AddDays(-2), notifiedOn, Now);

    private static readonly RulesAcknowledgmentSummary AcknowledgedRules = new(
        Guid.NewGuid(), "La Ruche Numérique", 2, "Règlement intérieur", new string('a', 64), Now.AddYears(-1), "Maryse NORDEZ-RYEZ", Now.AddMonths(-6));

    private static (Dispute Dispute, List<DisputeEffect> Effects) Ruche(DateOnly notifiedOn, DisputeKind kind = DisputeKind.Breach) =>
        Dispute.Open(Convention(DisputePolicy.LapseAfterOneMonth), ConventionParty.Operator, kind, "Permanences non maintenues",
            NoticeChannel.RegisteredLetter, null, notifiedOn, Now, acknowledgedRules: AcknowledgedRules);

    private static IEnumerable<DisputeEffectKind> Kinds(IEnumerable<DisputeEffect> effects) => effects.Select(e => e.Kind);

    private static IEnumerable<string?> Notices(IEnumerable<DisputeEffect> effects) => effects.Where(e => e.Kind == DisputeEffectKind.Notice).Select(e => e.NoticeKind);

    [Fact]
    public void Notification_by_simple_letter_suspends_the_partnership_at_once_and_opens_a_15_day_explanation_deadline()
    {
        var (dispute, effects) = Culture(D(2024, 4, 23));

        Assert.Equal(DisputeStatus.AwaitingExplanation, dispute.Status);
        Assert.Contains(effects, e => e.Kind == DisputeEffectKind.SuspendConvention && e.On == D(2024, 4, 23));
        var deadline = dispute.Deadline(DeadlineName.Explanation)!;
        // 8 May (Victoire 1945) then 9 May (Ascension): due on Friday 10 May.
        Assert.Equal((D(2024, 4, 23), D(2024, 5, 8), D(2024, 5, 10)), (deadline.StartsFrom, deadline.NominalDueOn, deadline.DueOn));
        Assert.Contains("CPC art. 642", deadline.Explanation, StringComparison.Ordinal);
        Assert.Equal("P15D", deadline.Period);
        Assert.Contains("dispute-opened", Notices(effects));
    }

    [Fact]
    public void The_explanation_is_accepted_until_the_due_date_and_refused_after()
    {
        var (dispute, _) = Culture(D(2024, 4, 23));

        Assert.Equal("dispute.deadline_passed", Assert.Throws<ConflictException>(() => dispute.SubmitExplanation(D(2024, 5, 11), "trop tard", Now)).Code);
        dispute.SubmitExplanation(D(2024, 5, 10), "Sortie annulée par l'Actionneur.", Now);

        Assert.Equal(D(2024, 5, 10), dispute.ExplanationSubmittedOn);
        Assert.Equal(DisputeStatus.AwaitingExplanation, dispute.Status);
    }

    [Fact]
    public void A_reminder_goes_out_three_working_days_before_a_deadline_once()
    {
        var (dispute, _) = Culture(D(2024, 4, 23));
        Assert.Equal(D(2024, 5, 3), dispute.Deadline(DeadlineName.Explanation)!.ReminderOn);

        Assert.Empty(dispute.ApplyDue(D(2024, 5, 2), Now));
        Assert.Equal(new[] { "deadline-reminder" }, Notices(dispute.ApplyDue(D(2024, 5, 3), Now)));
        Assert.Empty(dispute.ApplyDue(D(2024, 5, 3), Now));
        Assert.Empty(dispute.ApplyDue(D(2024, 5, 10), Now));
    }

    [Fact]
    public void Without_agreement_the_termination_window_opens_for_15_days_counted_from_the_explanation_due_date()
    {
        var (dispute, _) = Culture(D(2024, 4, 23));

        var effects = dispute.ApplyDue(D(2024, 5, 11), Now);

        Assert.Equal(DisputeStatus.TerminationWindowOpen, dispute.Status);
        var window = dispute.Deadline(DeadlineName.TerminationWindow)!;
        Assert.Equal(D(2024, 5, 10), window.StartsFrom);
        // 10 May + 15 days = Saturday 25 May: extended to Monday 27 May.
        Assert.Equal((D(2024, 5, 25), D(2024, 5, 27)), (window.NominalDueOn, window.DueOn));
        Assert.Contains("termination-window-opened", Notices(effects));
        Assert.Contains(effects, e => e.Kind == DisputeEffectKind.DeadlineSet && e.Deadline == DeadlineName.TerminationWindow);
    }

    [Fact]
    public void Termination_by_registered_letter_is_accepted_on_the_last_day_of_the_window()
    {
        var (dispute, _) = Culture(D(2024, 4, 23));
        dispute.ApplyDue(D(2024, 5, 27), Now);

        var effects = dispute.Terminate(D(2024, 5, 27), "1A23", Now);

        Assert.Equal(DisputeStatus.Terminated, dispute.Status);
        Assert.Contains(effects, e => e.Kind == DisputeEffectKind.TerminateConvention && e.On == D(2024, 5, 27));
        Assert.Null(dispute.NextDueOn);
    }

    [Fact]
    public void Termination_the_day_after_the_window_is_refused_and_the_right_lapses()
    {
        var (dispute, _) = Culture(D(2024, 4, 23));

        var effects = dispute.ApplyDue(D(2024, 5, 28), Now);

        Assert.Equal(DisputeStatus.TerminationRightLapsed, dispute.Status);
        Assert.Contains("termination-right-lapsed", Notices(effects));
        Assert.DoesNotContain(effects, e => e.Kind is DisputeEffectKind.ReinstateConvention or DisputeEffectKind.TerminateConvention);
        Assert.Equal("dispute.outside_termination_window", Assert.Throws<ConflictException>(() => dispute.Terminate(D(2024, 5, 28), "1A23", Now)).Code);
    }

    [Fact]
    public void Termination_before_the_window_opens_is_refused()
    {
        var (dispute, _) = Culture(D(2024, 4, 23));
        Assert.Equal("dispute.outside_termination_window", Assert.Throws<ConflictException>(() => dispute.Terminate(D(2024, 5, 6), "1A23", Now)).Code);

        dispute.ApplyDue(D(2024, 5, 11), Now);
        // The explanation deadline's own due date is not in the window.
        Assert.Equal("dispute.outside_termination_window", Assert.Throws<ConflictException>(() => dispute.Terminate(D(2024, 5, 10), "1A23", Now)).Code);
    }

    [Theory]
    [InlineData(2024, 5, 2)]
    [InlineData(2024, 5, 20)]
    [InlineData(2024, 6, 15)]
    public void An_agreement_recorded_by_both_parties_at_any_point_resolves_the_dispute_and_reinstates_the_convention(int year, int month, int day)
    {
        var (dispute, _) = Culture(D(2024, 4, 23));
        var today = D(year, month, day);
        dispute.ApplyDue(today, Now);
        var statusBefore = dispute.Status;

        // The first party's agreement is a proposal: nothing else changes.
        Assert.Empty(dispute.RecordAgreement(ConventionParty.Partner, today, "Accord sur un plan d'annulation des réservations.", Now));
        Assert.Equal(statusBefore, dispute.Status);
        Assert.Equal(ConventionParty.Partner, dispute.AgreementProposedBy);

        var effects = dispute.RecordAgreement(ConventionParty.Operator, today, "Accord sur un plan d'annulation des réservations.", Now);

        Assert.Equal(DisputeStatus.Resolved, dispute.Status);
        Assert.Equal(ConventionParty.Operator, dispute.AgreementAcceptedBy);
        Assert.Contains(effects, e => e.Kind == DisputeEffectKind.ReinstateConvention);
        Assert.Empty(dispute.ApplyDue(today.AddMonths(2), Now));
    }

    [Fact]
    public void A_party_alone_cannot_end_a_dispute_by_agreement_and_may_withdraw_its_proposal()
    {
        var (dispute, _) = Culture(D(2024, 4, 23));
        dispute.RecordAgreement(ConventionParty.Partner, D(2024, 4, 25), "Nous nous engageons à annuler à temps.", Now);

        Assert.Equal("dispute.agreement_already_proposed",
            Assert.Throws<ConflictException>(() => dispute.RecordAgreement(ConventionParty.Partner, D(2024, 4, 26), "Encore.", Now)).Code);
        Assert.Equal(DisputeStatus.AwaitingExplanation, dispute.Status);

        Assert.Equal("dispute.no_agreement_to_withdraw", Assert.Throws<ConflictException>(() => dispute.WithdrawAgreement(ConventionParty.Operator, Now)).Code);
        dispute.WithdrawAgreement(ConventionParty.Partner, Now);
        Assert.Null(dispute.AgreementProposedBy);
        // After a withdrawal the other party's agreement is a new proposal, not an acceptance.
        Assert.Empty(dispute.RecordAgreement(ConventionParty.Operator, D(2024, 4, 27), "Proposition de l'opérateur.", Now));
        Assert.Equal(DisputeStatus.AwaitingExplanation, dispute.Status);
    }

    [Fact]
    public void A_dispute_recorded_late_catches_up_every_deadline_in_a_row()
    {
        var (dispute, _) = Culture(D(2024, 4, 23));

        var effects = dispute.ApplyDue(D(2024, 7, 1), Now);

        Assert.Equal(DisputeStatus.TerminationRightLapsed, dispute.Status);
        Assert.Equal(new[] { "termination-window-opened", "termination-right-lapsed" }, Notices(effects));
        Assert.Empty(dispute.ApplyDue(D(2024, 7, 1), Now));
    }

    [Fact]
    public void At_la_ruche_a_dysfunction_makes_the_convention_lapse_one_month_after_notification_unless_remedied()
    {
        var (dispute, effects) = Ruche(D(2024, 1, 31));

        Assert.Equal(DisputeStatus.AwaitingRemedy, dispute.Status);
        Assert.DoesNotContain(effects, e => e.Kind == DisputeEffectKind.SuspendConvention);
        var lapse = dispute.Deadline(DeadlineName.Lapse)!;
        Assert.Equal(D(2024, 2, 29), lapse.DueOn);
        Assert.DoesNotContain(DisputeEffectKind.LapseConvention, Kinds(dispute.ApplyDue(D(2024, 2, 29), Now)));

        var lapsed = dispute.ApplyDue(D(2024, 3, 1), Now);

        Assert.Equal(DisputeStatus.ConventionLapsed, dispute.Status);
        Assert.Contains(lapsed, e => e.Kind == DisputeEffectKind.LapseConvention && e.On == D(2024, 3, 1));
        Assert.Equal("dispute.deadline_passed", Assert.Throws<ConflictException>(() => dispute.RecordRemedy(D(2024, 2, 28), "trop tard", Now)).Code);
    }

    [Fact]
    public void A_remedy_recorded_before_the_month_ends_keeps_the_convention()
    {
        var (dispute, _) = Ruche(D(2024, 1, 31));

        var effects = dispute.RecordRemedy(D(2024, 2, 20), "Planning des permanences transmis chaque mois.", Now);

        Assert.Equal(DisputeStatus.Resolved, dispute.Status);
        Assert.DoesNotContain(effects, e => e.Kind is DisputeEffectKind.LapseConvention or DisputeEffectKind.ReinstateConvention);
        Assert.Empty(dispute.ApplyDue(D(2024, 4, 1), Now));
    }

    [Fact]
    public void A_breach_of_la_ruches_internal_rules_ends_the_partnership_at_once()
    {
        var (dispute, effects) = Ruche(D(2024, 3, 4), DisputeKind.InternalRulesBreach);

        Assert.Equal(DisputeStatus.Terminated, dispute.Status);
        Assert.Contains(effects, e => e.Kind == DisputeEffectKind.TerminateConvention && e.On == D(2024, 3, 4));
        Assert.Empty(dispute.Deadlines);
        Assert.Null(dispute.NextDueOn);
        Assert.Equal((2, AcknowledgedRules.Sha256, "Maryse NORDEZ-RYEZ"), (dispute.CitedRulesVersion, dispute.CitedRulesSha256, dispute.CitedRulesAcknowledgedBy));
    }

    [Fact]
    public void A_breach_of_internal_rules_the_partner_never_acknowledged_cannot_be_invoked() =>
        Assert.Equal("dispute.internal_rules_not_acknowledged", Assert.Throws<BusinessRuleException>(() =>
            Dispute.Open(Convention(DisputePolicy.LapseAfterOneMonth), ConventionParty.Operator, DisputeKind.InternalRulesBreach, "x",
                NoticeChannel.RegisteredLetter, null, D(2024, 3, 4), Now)).Code);

    [Fact]
    public void The_internal_rules_bind_the_association_only_so_the_partner_cannot_invoke_them() =>
        Assert.Equal("dispute.kind_not_applicable", Assert.Throws<BusinessRuleException>(() =>
            Dispute.Open(Convention(DisputePolicy.LapseAfterOneMonth), ConventionParty.Partner, DisputeKind.InternalRulesBreach, "x",
                NoticeChannel.RegisteredLetter, null, D(2024, 3, 4), Now)).Code);

    [Fact]
    public void Culture_pour_tous_has_no_internal_rules_procedure() =>
        Assert.Equal("dispute.kind_not_applicable", Assert.Throws<BusinessRuleException>(() =>
            Dispute.Open(Convention(DisputePolicy.SuspendExplainTerminate), ConventionParty.Operator, DisputeKind.InternalRulesBreach, "x",
                NoticeChannel.SimpleLetter, null, D(2024, 4, 23), Now)).Code);

    [Theory]
    [InlineData(ConventionStatus.Draft)]
    [InlineData(ConventionStatus.Terminated)]
    [InlineData(ConventionStatus.Expired)]
    public void A_dispute_is_opened_only_on_an_active_or_suspended_convention(ConventionStatus status) =>
        Assert.Equal("convention.not_active", Assert.Throws<ConflictException>(() =>
            Dispute.Open(Convention(DisputePolicy.SuspendExplainTerminate, status), ConventionParty.Operator, DisputeKind.Breach, "x",
                NoticeChannel.SimpleLetter, null, D(2024, 4, 23), Now)).Code);

    [Fact]
    public void Every_step_writes_a_dated_event()
    {
        var (dispute, _) = Culture(D(2024, 4, 23));
        dispute.SubmitExplanation(D(2024, 5, 2), "Explication", Now);
        dispute.ApplyDue(D(2024, 5, 11), Now);
        dispute.Terminate(D(2024, 5, 15), "1A23", Now);

        Assert.Equal(
            new[] { "opened", "convention-suspended", "deadline-set", "explanation-submitted", "termination-window-opened", "deadline-set", "terminated" },
            dispute.Events.Select(e => e.Kind));
    }
}
