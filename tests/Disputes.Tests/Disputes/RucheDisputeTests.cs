using System.Net;
using Conventions.Testing;
using Disputes.Tests.Driver;

namespace Disputes.Tests.Disputes;

/// <summary>La Ruche art. 8: a dysfunction not remedied within a month makes the convention lapse; the internal rules' breach ends it at once.</summary>
public sealed class RucheDisputeTests : DisputeTest
{
    [Fact]
    public async Task At_la_ruche_an_unremedied_dysfunction_makes_the_convention_lapse_a_month_later()
    {
        var disputes = await DisputeDriver.RucheAsync(Factory);
        var dispute = await disputes.OpenAsync(channel: "registered-letter");
        Assert.Equal(("awaiting-remedy", "2026-12-23"), (dispute.Status, dispute.Deadlines[0].DueOn));
        Assert.Equal("active", await disputes.ConventionStatusAsync());
        await disputes.StepCall(disputes.Operator, dispute.Id, "agreement", new { agreedOn = "2026-11-23", summary = "x" }).ExpectProblemAsync(HttpStatusCode.Conflict, "dispute.wrong_step");

        Factory.Clock.SetParisDate(new DateOnly(2026, 12, 24), new TimeOnly(0, 10));
        await Factory.RunJobAsync("deadlines");

        Assert.Equal("convention-lapsed", (await disputes.DisputeAsync(dispute.Id)).Status);
        Assert.Equal("lapsed", await disputes.ConventionStatusAsync());
        Assert.Contains("convention-lapsed", await disputes.NoticeKindsAsync(dispute.Id));
    }

    [Fact]
    public async Task At_la_ruche_a_remedy_keeps_the_convention_and_an_internal_rules_breach_ends_it_at_once()
    {
        var disputes = await DisputeDriver.RucheAsync(Factory);
        var dispute = await disputes.OpenAsync();

        var remedied = await disputes.StepAsync(disputes.Operator, dispute.Id, "remedy", new { remediedOn = "2026-11-23", summary = "Planning transmis." });
        Assert.Equal("resolved", remedied.Status);
        Assert.Equal("active", await disputes.ConventionStatusAsync());

        // The internal rules' breach is invoked only against rules the partner acknowledged, and cites that version.
        await disputes.OpenCall(DisputeDriver.Grievance(disputes.ConventionId, "internal-rules-breach"))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "dispute.internal_rules_not_acknowledged");
        var venue = await disputes.Scenario.AcknowledgeInternalRulesAsync(disputes.ConventionId.ToString());
        // A second version published afterwards: the dispute still cites the one the partner acknowledged.
        await disputes.Operator.PostJsonAsync($"/api/v1/venues/{venue}/internal-rules", new { title = "Règlement intérieur (2027)", text = "Nouveau texte." })
            .ExpectAsync(HttpStatusCode.Created);
        var immediate = await disputes.OpenAsync(kind: "internal-rules-breach");
        Assert.Equal("terminated", immediate.Status);
        Assert.Equal("terminated", await disputes.ConventionStatusAsync());
        var cited = await disputes.Operator.GetAsync($"/api/v1/disputes/{immediate.Id}").ExpectAsync(HttpStatusCode.OK);
        var rules = cited.GetProperty("internalRules");
        Assert.Equal((1, "Règlement intérieur de la Ruche Numérique", "Maryse NORDEZ-RYEZ, présidente"),
            (rules.GetProperty("version").GetInt32(), rules.Str("title"), rules.Str("acknowledgedBy")));
        Assert.Equal(64, rules.Str("sha256").Length);
        Assert.Contains(immediate.Events, e => e.Kind == "terminated" && e.Detail.Contains("version 1 acknowledged on 2026-11-23", StringComparison.Ordinal));
    }
}
