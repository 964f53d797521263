using System.Net;
using Conventions.Testing;
using Scheduling.Tests.Driver;

namespace Scheduling.Tests.PersonalData;

/// <summary>Appointment holders' data under the RGPD (issue 18): exported and erased by the venue or the partner, anonymised 24 months after.</summary>
public sealed class AppointmentPersonalDataTests : SchedulingTest
{
    [Fact]
    public async Task A_holder_is_exported_then_erased_once_the_appointment_is_not_to_come_and_the_count_stays()
    {
        var occurrences = (await Premises.DeclareAsync(Premises.Permanence(capacity: 2))).Occurrences;
        var appointment = (await Premises.AppointmentCall(occurrences[0].Id, new { personName = "Amina B.", topic = "Titre de séjour", referredByVenue = true, email = "amina@example.org", phone = "06 12 34 56 78" })
            .ExpectAsync(HttpStatusCode.Created)).Str("id");

        var export = await Premises.Operator.GetAsync($"/api/v1/appointments/{appointment}/export").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("Amina B.", "amina@example.org", "06 12 34 56 78"), (export.Str("personName"), export.Str("email"), export.Str("phone")));
        await Premises.Partner.DeleteAsync($"/api/v1/appointments/{appointment}").ExpectProblemAsync(HttpStatusCode.Conflict, "appointment.upcoming");

        await Premises.CancelCall(occurrences[0].Id, "Intervenant absent").ExpectAsync(HttpStatusCode.OK);
        await Premises.Partner.DeleteAsync($"/api/v1/appointments/{appointment}").ExpectAsync(HttpStatusCode.NoContent);
        await Premises.Partner.DeleteAsync($"/api/v1/appointments/{appointment}").ExpectAsync(HttpStatusCode.NoContent);

        var erased = await Premises.Partner.GetAsync($"/api/v1/appointments/{appointment}/export").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("Personne anonymisée", null, null, "Titre de séjour"), (erased.Str("personName"), erased.Str("email"), erased.Str("phone"), erased.Str("topic")));
        Assert.NotNull(erased.Str("anonymisedAt"));
    }

    [Fact]
    public async Task Holders_are_anonymised_24_months_after_their_appointment_and_only_them()
    {
        var occurrences = (await Premises.DeclareAsync(Premises.Permanence(capacity: 2))).Occurrences;
        var early = (await Premises.AppointmentCall(occurrences[0].Id, SchedulingDriver.Person("Bruno")).ExpectAsync(HttpStatusCode.Created)).Str("id");
        var late = (await Premises.AppointmentCall(occurrences[^1].Id, SchedulingDriver.Person("Chloe")).ExpectAsync(HttpStatusCode.Created)).Str("id");

        // Two years after the semester's first occurrence, before the last one's second anniversary.
        Factory.Clock.SetParisDate(DateOnly.Parse(occurrences[0].Date, System.Globalization.CultureInfo.InvariantCulture).AddMonths(24).AddDays(7));
        Assert.Equal(1, await Factory.RunJobAsync("retention-appointments"));
        Assert.Equal(0, await Factory.RunJobAsync("retention-appointments"));

        Assert.Equal("Personne anonymisée", (await Premises.Operator.GetAsync($"/api/v1/appointments/{early}/export").ExpectAsync(HttpStatusCode.OK)).Str("personName"));
        Assert.Equal("Chloe", (await Premises.Operator.GetAsync($"/api/v1/appointments/{late}/export").ExpectAsync(HttpStatusCode.OK)).Str("personName"));
    }
}
