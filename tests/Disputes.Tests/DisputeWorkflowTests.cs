using System.Net;
using System.Text.Json;
using Conventions.Testing;

namespace Disputes.Tests;

/// <summary>The dispute workflow through the HTTP API, with the convention it acts on and the notices it sends.</summary>
public sealed class DisputeWorkflowTests : IAsyncLifetime
{
    private readonly ConventionsFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<(ConventionScenario Scenario, string ConventionId)> ActiveCultureAsync()
    {
        var scenario = await ConventionScenario.CultureAsync(_factory);
        var id = (await scenario.DraftCultureAsync()).Str("id");
        await scenario.SignBothAsync(id);
        return (scenario, id);
    }

    private async Task<(ConventionScenario Scenario, string ConventionId)> ActiveRucheAsync()
    {
        var scenario = await ConventionScenario.RucheAsync(_factory);
        var id = (await scenario.DraftRucheAsync()).Str("id");
        await scenario.SignBothAsync(id, place: "Bagnols-sur-Cèze");
        return (scenario, id);
    }

    private static object Open(string conventionId, string kind = "breach", string notifiedOn = "2026-11-23", string channel = "simple-letter") => new
    {
        conventionId,
        raisedBy = "operator",
        kind,
        grounds = "Grand nombre de réservations inutilisées.",
        notice = new { channel, sentOn = (string?)null, notifiedOn },
    };

    private async Task<string> ConventionStatusAsync(ConventionScenario scenario, string conventionId) =>
        (await scenario.Operator.GetAsync($"/api/v1/conventions/{conventionId}").ExpectAsync(HttpStatusCode.OK)).Str("status");

    /// <summary>The notices about the dispute as the partner's portal lists them (one letter per organization).</summary>
    private async Task<string[]> NoticeKindsAsync(ConventionScenario scenario, string disputeId)
    {
        await _factory.RunJobAsync("outbox");
        var notices = await scenario.Partner.GetAsync($"/api/v1/notices?disputeId={disputeId}").ExpectAsync(HttpStatusCode.OK);
        return notices.GetProperty("items").EnumerateArray().Select(n => n.Str("kind")).OrderBy(k => k, StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public async Task A_culture_pour_tous_dispute_suspends_takes_an_explanation_opens_the_window_and_ends_in_termination()
    {
        var (scenario, conventionId) = await ActiveCultureAsync();

        // Notified on Monday 23 November 2026: the explanation is due on Tuesday 8 December (15 days, no holiday).
        var dispute = await scenario.Operator.PostJsonAsync("/api/v1/disputes", Open(conventionId)).ExpectAsync(HttpStatusCode.Created);
        var id = dispute.Str("id");
        Assert.Equal("awaiting-explanation", dispute.Str("status"));
        var deadline = dispute.GetProperty("deadlines")[0];
        Assert.Equal(("explanation", "2026-11-23", "P15D", "2026-12-08"), (deadline.Str("name"), deadline.Str("startsFrom"), deadline.Str("period"), deadline.Str("dueOn")));
        Assert.False(string.IsNullOrEmpty(deadline.Str("explanation")));
        Assert.Equal("suspended", await ConventionStatusAsync(scenario, conventionId));
        Assert.Equal(new[] { "dispute-opened" }, await NoticeKindsAsync(scenario, id));
        // One letter per party, each to its own referents only.
        var opened = await _factory.Admin().GetAsync($"/api/v1/notices?disputeId={id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, opened.GetProperty("items").GetArrayLength());
        Assert.All(opened.GetProperty("items").EnumerateArray(), n =>
        {
            Assert.Single(n.GetProperty("recipients").EnumerateArray());
            Assert.Single(n.GetProperty("organizationIds").EnumerateArray());
        });

        // The partner at fault explains; the operator cannot terminate before the window.
        await scenario.Partner.PostJsonAsync($"/api/v1/disputes/{id}/explanation", new { submittedOn = "2026-11-23", text = "Une sortie annulée par l'Actionneur n'a pas été annulée sur le site." })
            .ExpectAsync(HttpStatusCode.OK);
        await scenario.Operator.PostJsonAsync($"/api/v1/disputes/{id}/termination", new { registeredLetter = new { sentOn = "2026-11-23", trackingNumber = "1A00000000001" } })
            .ExpectProblemAsync(HttpStatusCode.Conflict, "dispute.outside_termination_window");

        // Thursday 3 December, three working days before the due date: a reminder to both parties, once.
        _factory.Clock.SetParisDate(new DateOnly(2026, 12, 3), new TimeOnly(8, 0));
        Assert.Equal(1, await _factory.RunJobAsync("deadlines"));
        Assert.Equal(0, await _factory.RunJobAsync("deadlines"));

        // 9 December: no agreement, the window opens until 23 December.
        _factory.Clock.SetParisDate(new DateOnly(2026, 12, 9), new TimeOnly(0, 10));
        Assert.Equal(1, await _factory.RunJobAsync("deadlines"));
        Assert.Equal(0, await _factory.RunJobAsync("deadlines"));
        var windowOpen = await scenario.Partner.GetAsync($"/api/v1/disputes/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("termination-window-open", windowOpen.Str("status"));
        Assert.Equal("2026-12-23", windowOpen.GetProperty("deadlines").EnumerateArray().Single(d => d.Str("name") == "termination-window").Str("dueOn"));

        // Only the party that raised the dispute terminates.
        var letter = new { registeredLetter = new { sentOn = "2026-12-09", trackingNumber = "1A00000000001" } };
        await scenario.Partner.PostJsonAsync($"/api/v1/disputes/{id}/termination", letter).ExpectProblemAsync(HttpStatusCode.Forbidden, "dispute.party_forbidden");
        var terminated = await scenario.Operator.PostJsonAsync($"/api/v1/disputes/{id}/termination", letter).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("terminated", terminated.Str("status"));
        Assert.Equal("terminated", await ConventionStatusAsync(scenario, conventionId));
        Assert.Equal(new[] { "deadline-reminder", "dispute-opened", "explanation-received", "terminated", "termination-window-opened" }, await NoticeKindsAsync(scenario, id));
        Assert.Contains(terminated.GetProperty("events").EnumerateArray(), e => e.Str("kind") == "terminated");
    }

    [Fact]
    public async Task An_agreement_recorded_by_both_parties_resolves_the_dispute_and_reinstates_the_convention()
    {
        var (scenario, conventionId) = await ActiveCultureAsync();
        var id = (await scenario.Operator.PostJsonAsync("/api/v1/disputes", Open(conventionId)).ExpectAsync(HttpStatusCode.Created)).Str("id");
        var agreement = new { agreedOn = "2026-11-23", summary = "Le référent annulera les réservations inutilisées." };

        // The party at fault alone cannot lift its own suspension: its agreement is a proposal.
        var proposed = await scenario.Partner.PostJsonAsync($"/api/v1/disputes/{id}/agreement", agreement).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("awaiting-explanation", proposed.Str("status"));
        Assert.Equal("partner", proposed.GetProperty("agreement").Str("proposedBy"));
        Assert.Equal("suspended", await ConventionStatusAsync(scenario, conventionId));
        await scenario.Partner.PostJsonAsync($"/api/v1/disputes/{id}/agreement", agreement)
            .ExpectProblemAsync(HttpStatusCode.Conflict, "dispute.agreement_already_proposed");

        var resolved = await scenario.Operator.PostJsonAsync($"/api/v1/disputes/{id}/agreement", agreement).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("resolved", resolved.Str("status"));
        Assert.Equal(new[] { "partner", "operator" }, resolved.GetProperty("agreement").GetProperty("agreedBy").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("active", await ConventionStatusAsync(scenario, conventionId));
        await scenario.Operator.PostJsonAsync("/api/v1/disputes", Open(conventionId)).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_unused_window_lapses_the_right_to_terminate_and_the_convention_stays_suspended()
    {
        var (scenario, conventionId) = await ActiveCultureAsync();
        var id = (await scenario.Operator.PostJsonAsync("/api/v1/disputes", Open(conventionId)).ExpectAsync(HttpStatusCode.Created)).Str("id");

        _factory.Clock.SetParisDate(new DateOnly(2026, 12, 24), new TimeOnly(0, 10));
        await _factory.RunJobAsync("deadlines");

        var dispute = await scenario.Operator.GetAsync($"/api/v1/disputes/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("termination-right-lapsed", dispute.Str("status"));
        Assert.Equal("suspended", await ConventionStatusAsync(scenario, conventionId));
        Assert.Contains("termination-right-lapsed", await NoticeKindsAsync(scenario, id));
        await scenario.Operator.PostJsonAsync($"/api/v1/disputes/{id}/termination", new { registeredLetter = new { sentOn = "2026-12-24", trackingNumber = "1A2" } })
            .ExpectProblemAsync(HttpStatusCode.Conflict, "dispute.outside_termination_window");
        await scenario.Operator.PostJsonAsync("/api/v1/disputes", Open(conventionId)).ExpectProblemAsync(HttpStatusCode.Conflict, "dispute.already_open");
    }

    [Fact]
    public async Task At_la_ruche_an_unremedied_dysfunction_makes_the_convention_lapse_a_month_later()
    {
        var (scenario, conventionId) = await ActiveRucheAsync();
        var dispute = await scenario.Operator.PostJsonAsync("/api/v1/disputes", Open(conventionId, channel: "registered-letter")).ExpectAsync(HttpStatusCode.Created);
        var id = dispute.Str("id");
        Assert.Equal("awaiting-remedy", dispute.Str("status"));
        Assert.Equal("2026-12-23", dispute.GetProperty("deadlines")[0].Str("dueOn"));
        Assert.Equal("active", await ConventionStatusAsync(scenario, conventionId));
        await scenario.Operator.PostJsonAsync($"/api/v1/disputes/{id}/agreement", new { agreedOn = "2026-11-23", summary = "x" })
            .ExpectProblemAsync(HttpStatusCode.Conflict, "dispute.wrong_step");

        _factory.Clock.SetParisDate(new DateOnly(2026, 12, 24), new TimeOnly(0, 10));
        await _factory.RunJobAsync("deadlines");

        Assert.Equal("convention-lapsed", (await scenario.Operator.GetAsync($"/api/v1/disputes/{id}").ExpectAsync(HttpStatusCode.OK)).Str("status"));
        Assert.Equal("lapsed", await ConventionStatusAsync(scenario, conventionId));
        Assert.Contains("convention-lapsed", await NoticeKindsAsync(scenario, id));
    }

    [Fact]
    public async Task At_la_ruche_a_remedy_keeps_the_convention_and_an_internal_rules_breach_ends_it_at_once()
    {
        var (scenario, conventionId) = await ActiveRucheAsync();
        var id = (await scenario.Operator.PostJsonAsync("/api/v1/disputes", Open(conventionId)).ExpectAsync(HttpStatusCode.Created)).Str("id");

        var remedied = await scenario.Operator.PostJsonAsync($"/api/v1/disputes/{id}/remedy", new { remediedOn = "2026-11-23", summary = "Planning transmis." })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("resolved", remedied.Str("status"));
        Assert.Equal("active", await ConventionStatusAsync(scenario, conventionId));

        var immediate = await scenario.Operator.PostJsonAsync("/api/v1/disputes", Open(conventionId, kind: "internal-rules-breach")).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("terminated", immediate.Str("status"));
        Assert.Equal("terminated", await ConventionStatusAsync(scenario, conventionId));
    }

    [Fact]
    public async Task Disputes_are_visible_to_the_conventions_parties_only()
    {
        var (scenario, conventionId) = await ActiveCultureAsync();
        var id = (await scenario.Operator.PostJsonAsync("/api/v1/disputes", Open(conventionId)).ExpectAsync(HttpStatusCode.Created)).Str("id");
        var admin = _factory.Admin();
        var stranger = await admin.CreateOrganizationAsync("Structure curieuse");
        var (_, strangerKey) = await admin.IssueKeyAsync(stranger, "partner");

        var listed = await scenario.Partner.GetAsync($"/api/v1/disputes?conventionId={conventionId}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        await _factory.Client(strangerKey).GetAsync($"/api/v1/disputes/{id}").ExpectProblemAsync(HttpStatusCode.Forbidden, "dispute.forbidden");
        Assert.Equal(0, (await _factory.Client(strangerKey).GetAsync("/api/v1/disputes").ExpectAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        await _factory.Client(strangerKey).PostJsonAsync("/api/v1/disputes", Open(conventionId)).ExpectProblemAsync(HttpStatusCode.Forbidden, "convention.forbidden");
    }

    [Fact]
    public async Task A_notification_date_in_the_future_or_an_unknown_convention_is_refused()
    {
        var (scenario, conventionId) = await ActiveCultureAsync();

        await scenario.Operator.PostJsonAsync("/api/v1/disputes", Open(conventionId, notifiedOn: "2026-12-01")).ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await scenario.Operator.PostJsonAsync("/api/v1/disputes", Open(Guid.NewGuid().ToString())).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "dispute.unknown_convention");
    }
}
