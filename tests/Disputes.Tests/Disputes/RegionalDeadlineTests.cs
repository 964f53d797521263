using System.Net;
using Conventions.Testing;

namespace Disputes.Tests.Disputes;

/// <summary>A dispute's deadlines count the holidays of the convention's place (issue 18): Alsace-Moselle's for an operator in Metz.</summary>
public sealed class RegionalDeadlineTests
{
    [Fact]
    public async Task An_operator_in_moselle_gets_deadlines_that_skip_good_friday_and_an_operator_in_lyon_does_not()
    {
        await using var factory = new ConventionsFactory();
        var metz = await ConventionScenario.CultureOperatedFromAsync(factory, "57000", "Metz");
        var lyon = await ConventionScenario.CultureAsync(factory, "Structure lyonnaise");
        var inMetz = (await metz.DraftCultureAsync()).Str("id");
        var inLyon = (await lyon.DraftCultureAsync()).Str("id");
        await metz.SignBothAsync(inMetz, place: "Metz");
        await lyon.SignBothAsync(inLyon);
        // Notified on Thursday 11 March 2027: fifteen days end on Good Friday, 26 March.
        factory.Clock.SetParisDate(new DateOnly(2027, 3, 11));

        var local = await Open(metz.Operator, inMetz);
        var metropolitan = await Open(lyon.Operator, inLyon);

        var explanation = local.GetProperty("deadlines")[0];
        Assert.Equal(("alsace-moselle", "2027-03-26", "2027-03-30"), (local.Str("holidayCalendar"), explanation.Str("nominalDueOn"), explanation.Str("dueOn")));
        Assert.Contains("Vendredi saint", explanation.Str("explanation"), StringComparison.Ordinal);
        Assert.Contains("Alsace-Moselle", explanation.Str("explanation"), StringComparison.Ordinal);
        Assert.Equal(("metropolitan", "2027-03-26"), (metropolitan.Str("holidayCalendar"), metropolitan.GetProperty("deadlines")[0].Str("dueOn")));
    }

    private static async Task<System.Text.Json.JsonElement> Open(HttpClient @operator, string conventionId) =>
        await @operator.PostJsonAsync("/api/v1/disputes", new
        {
            conventionId, raisedBy = "operator", kind = "breach", grounds = "Invitations inutilisées sans prévenir.",
            notice = new { channel = "simple-letter", sentOn = "2027-03-09", notifiedOn = "2027-03-11" },
        }).ExpectAsync(HttpStatusCode.Created);
}
