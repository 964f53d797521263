using System.Net;
using Conventions.Testing;

namespace Host.Tests;

/// <summary>Input that would hurt later is refused at the edge (issue 14, point 6).</summary>
public sealed class EdgeInputTests(ConventionsFactory factory) : IClassFixture<ConventionsFactory>
{
    [Theory]
    [InlineData("victim@example.org;bcc=evil@example.org")]
    [InlineData("victim@example.org, evil@example.org")]
    [InlineData("Victim <victim@example.org>")]
    [InlineData("victim@example.org\r\nBcc: evil@example.org")]
    [InlineData("not-an-address")]
    public async Task An_email_that_is_not_exactly_one_mailbox_is_refused(string email)
    {
        var admin = factory.Admin();
        var organization = await admin.CreateOrganizationAsync("Structure courriel");

        var problem = await admin.PostJsonAsync($"/api/v1/organizations/{organization}/contacts", new { fullName = "Référente", email, roles = new[] { "referent" } })
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty("email", out _), problem.ToString());
    }

    [Fact]
    public async Task A_plain_address_is_accepted() =>
        await factory.Admin().PostJsonAsync($"/api/v1/organizations/{await factory.Admin().CreateOrganizationAsync("Structure simple")}/contacts",
            new { fullName = "Référente", email = "referente.martin@example.org", roles = new[] { "referent" } }).ExpectAsync(HttpStatusCode.Created);

    [Theory]
    [InlineData("Structure \u202Eevil")]
    [InlineData("Structure\u200B invisible")]
    [InlineData("\uFEFFStructure")]
    [InlineData("Structure \u2066isolée\u2069")]
    [InlineData("Structure \u0085 C1")]
    public async Task Names_refuse_bidirectional_overrides_and_invisible_characters(string name) =>
        await factory.Admin().PostJsonAsync("/api/v1/organizations", new { name, kind = "other", address = new { line1 = "1 rue", postalCode = "69001", city = "Lyon" } })
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

    [Theory]
    [InlineData("1899-12-31")]
    [InlineData("2200-01-01")]
    [InlineData("0001-01-01")]
    [InlineData("26-11-20")]
    public async Task A_date_outside_1900_2199_is_400(string receivedOn)
    {
        var admin = factory.Admin();
        var organization = await admin.CreateOrganizationAsync("Structure date");

        await admin.PostJsonAsync($"/api/v1/organizations/{organization}/donations", new { amount = 10m, receivedOn, method = "cash", recipientOrganizationId = organization })
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "request.malformed");
    }

    [Theory]
    [InlineData("2026-12-04T20:30:00")]
    [InlineData("2026-12-04 20:30")]
    [InlineData("2300-12-04T20:30:00+01:00")]
    public async Task An_instant_without_its_offset_or_out_of_range_is_400_not_read_as_utc(string startsAt)
    {
        var admin = factory.Admin();
        var publisher = await admin.CreateOrganizationAsync("Théâtre instant", "cultural-institution");

        await admin.PostJsonAsync("/api/v1/offers", new
        {
            publisherOrganizationId = publisher, title = "Spectacle", category = "show", venueName = "Théâtre", city = "Lyon", description = "x",
            sessions = new[] { new { startsAt, seats = 5 } },
        }).ExpectProblemAsync(HttpStatusCode.BadRequest, "request.malformed");
    }

    [Theory]
    [InlineData("/api/v1/calendar/deadline?from=0001-01-01&period=P15D")]
    [InlineData("/api/v1/calendar/deadline?from=9999-12-31&period=P1M")]
    [InlineData("/api/v1/calendar/holidays?year=99999")]
    [InlineData("/api/v1/reports/unused-invitations?from=0001-01-01&to=9999-12-31")]
    [InlineData("/api/v1/notices?offset=-1")]
    public async Task Dates_at_the_edges_of_the_calendar_in_a_query_are_4xx(string url)
    {
        var response = await factory.Admin().GetAsync(url);
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Dashboard_and_calendar_periods_at_the_edges_are_4xx()
    {
        var admin = factory.Admin();
        var organization = await admin.CreateOrganizationAsync("Structure bornes");
        var response = await admin.GetAsync($"/api/v1/organizations/{organization}/dashboard?from=0001-01-01&to=9999-12-31");
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        await admin.MakeOperatorAsync("ruche-numerique", organization);
        var venue = (await admin.PostJsonAsync("/api/v1/venues", new { name = "Lieu bornes", operatorOrganizationId = organization, address = new { line1 = "x", postalCode = "30200", city = "Bagnols" } })
            .ExpectAsync(HttpStatusCode.Created)).Str("id");
        response = await admin.GetAsync($"/api/v1/venues/{venue}/calendar?from=0001-01-01&to=0001-12-31");

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task A_paris_wall_clock_time_skipped_by_the_spring_change_is_400()
    {
        var scenario = await ConventionScenario.RucheAsync(factory);
        var convention = (await scenario.DraftRucheAsync("2027-01-01")).Str("id");
        factory.Clock.SetParisDate(new DateOnly(2027, 1, 4));
        try
        {
            await scenario.SignBothAsync(convention, place: "Bagnols-sur-Cèze");
            var venue = (await scenario.Operator.PostJsonAsync("/api/v1/venues", new { name = "La Ruche", operatorOrganizationId = scenario.OperatorId, address = new { line1 = "Tiers-lieu", postalCode = "30200", city = "Bagnols-sur-Cèze" } })
                .ExpectAsync(HttpStatusCode.Created)).Str("id");
            var room = (await scenario.Operator.PostJsonAsync($"/api/v1/venues/{venue}/rooms", new { name = "Salle", kind = "room", capacity = 10, hasInternet = true })
                .ExpectAsync(HttpStatusCode.Created)).Str("id");

            // Sunday 28 March 2027: the clocks go from 02:00 to 03:00.
            var problem = await scenario.Partner.PostJsonAsync("/api/v1/permanences", new
            {
                conventionId = convention, roomId = room, semester = "2027-S1", dayOfWeek = "sunday", startTime = "02:30", endTime = "03:30",
                activity = "other", intervenant = "Bénévole", capacity = 2,
            }).ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

            Assert.Contains("2027-03-28", problem.GetProperty("errors").GetProperty("startTime")[0].GetString(), StringComparison.Ordinal);
        }
        finally
        {
            factory.Clock.SetParisDate(new DateOnly(2026, 11, 23));
        }
    }
}
