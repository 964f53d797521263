using System.Net;
using Conventions.Testing;
using Disputes.Tests.Driver;

namespace Disputes.Tests.Disputes;

/// <summary>Culture pour tous art. 10: suspension, an explanation within 15 days, then a window to terminate by registered letter.</summary>
public sealed class TerminationTests : DisputeTest
{
    [Fact]
    public async Task A_culture_pour_tous_dispute_suspends_takes_an_explanation_opens_the_window_and_ends_in_termination()
    {
        var disputes = await DisputeDriver.CultureAsync(Factory);

        // Notified on Monday 23 November 2026: the explanation is due on Tuesday 8 December (15 days, no holiday).
        var dispute = await disputes.OpenAsync();
        Assert.Equal("awaiting-explanation", dispute.Status);
        var deadline = dispute.Deadlines[0];
        Assert.Equal(("explanation", "2026-11-23", "P15D", "2026-12-08"), (deadline.Name, deadline.StartsFrom, deadline.Period, deadline.DueOn));
        Assert.False(string.IsNullOrEmpty(deadline.Explanation));
        Assert.Equal("suspended", await disputes.ConventionStatusAsync());
        Assert.Equal(["dispute-opened"], await disputes.NoticeKindsAsync(dispute.Id));
        // One letter per party, each to its own referents only.
        var opened = await disputes.NoticesAsync(dispute.Id, Factory.Admin());
        Assert.Equal(2, opened.Count);
        Assert.All(opened, n => Assert.Equal((1, 1), (n.Recipients.Count, n.OrganizationIds.Count)));

        // The partner at fault explains; the operator cannot terminate before the window.
        await disputes.StepAsync(disputes.Partner, dispute.Id, "explanation", new { submittedOn = "2026-11-23", text = "Une sortie annulée par l'Actionneur n'a pas été annulée sur le site." });
        await disputes.StepCall(disputes.Operator, dispute.Id, "termination", DisputeDriver.RegisteredLetter("2026-11-23"))
            .ExpectProblemAsync(HttpStatusCode.Conflict, "dispute.outside_termination_window");

        // Thursday 3 December, three working days before the due date: a reminder to both parties, once.
        Factory.Clock.SetParisDate(new DateOnly(2026, 12, 3), new TimeOnly(8, 0));
        Assert.Equal(1, await Factory.RunJobAsync("deadlines"));
        Assert.Equal(0, await Factory.RunJobAsync("deadlines"));

        // 9 December: no agreement, the window opens until 23 December.
        Factory.Clock.SetParisDate(new DateOnly(2026, 12, 9), new TimeOnly(0, 10));
        Assert.Equal(1, await Factory.RunJobAsync("deadlines"));
        Assert.Equal(0, await Factory.RunJobAsync("deadlines"));
        var windowOpen = await disputes.DisputeAsync(dispute.Id, disputes.Partner);
        Assert.Equal(("termination-window-open", "2026-12-23"), (windowOpen.Status, windowOpen.Deadline("termination-window").DueOn));

        // Only the party that raised the dispute terminates.
        await disputes.StepCall(disputes.Partner, dispute.Id, "termination", DisputeDriver.RegisteredLetter("2026-12-09")).ExpectProblemAsync(HttpStatusCode.Forbidden, "dispute.party_forbidden");
        var terminated = await disputes.StepAsync(disputes.Operator, dispute.Id, "termination", DisputeDriver.RegisteredLetter("2026-12-09"));

        Assert.Equal("terminated", terminated.Status);
        Assert.Equal("terminated", await disputes.ConventionStatusAsync());
        Assert.Equal(["deadline-reminder", "dispute-opened", "explanation-received", "terminated", "termination-window-opened"], await disputes.NoticeKindsAsync(dispute.Id));
        Assert.Contains(terminated.Events, e => e.Kind == "terminated");
    }

    [Fact]
    public async Task An_unused_window_lapses_the_right_to_terminate_and_the_convention_stays_suspended()
    {
        var disputes = await DisputeDriver.CultureAsync(Factory);
        var dispute = await disputes.OpenAsync();

        Factory.Clock.SetParisDate(new DateOnly(2026, 12, 24), new TimeOnly(0, 10));
        await Factory.RunJobAsync("deadlines");

        Assert.Equal("termination-right-lapsed", (await disputes.DisputeAsync(dispute.Id)).Status);
        Assert.Equal("suspended", await disputes.ConventionStatusAsync());
        Assert.Contains("termination-right-lapsed", await disputes.NoticeKindsAsync(dispute.Id));
        await disputes.StepCall(disputes.Operator, dispute.Id, "termination", DisputeDriver.RegisteredLetter("2026-12-24"))
            .ExpectProblemAsync(HttpStatusCode.Conflict, "dispute.outside_termination_window");
        await disputes.OpenCall(DisputeDriver.Grievance(disputes.ConventionId)).ExpectProblemAsync(HttpStatusCode.Conflict, "dispute.already_open");
    }
}
