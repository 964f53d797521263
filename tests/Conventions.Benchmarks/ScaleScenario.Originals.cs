using System.Globalization;
using System.Text.Json;
using static Conventions.Benchmarks.LoadDriver;

namespace Conventions.Benchmarks;

internal static partial class ScaleScenario
{
    /// <summary>The real rows made through the API, which the scenario clones and reads.</summary>
    private sealed record Templates(
        string OperatorKey, string BookerKey, string Operator, string Partner, string Publisher, string Convention, string Dispute, string Offer,
        string Session, string FreshSession, string Beneficiary, string Booking, string BeneficiaryInvitation, string GuestInvitation, string Notice,
        Ruche Ruche);

    /// <summary>La Ruche Numérique: its venue, a signed premises convention, an approved permanence, an appointment, a dispute.</summary>
    private sealed record Ruche(string OperatorKey, string PartnerKey, string Convention, string Venue, string Occurrence, string Appointment, string Dispute);

    private static async Task<Templates> TemplatesAsync(HttpClient http)
    {
        var (convention, _) = await SweepScenario.OriginalsAsync(http, dispute: false);
        var parties = JsonDocument.Parse(await Get(http, AdminKey, $"/api/v1/conventions/{convention}")).RootElement;
        var (@operator, partner) = (parties.GetProperty("operatorOrganizationId").GetString()!, parties.GetProperty("partnerOrganizationId").GetString()!);
        var operatorKey = await Post(http, AdminKey, $"/api/v1/organizations/{@operator}/credentials", new { role = "operator-admin", label = "scale" }, "key");
        var bookerKey = await Post(http, operatorKey, $"/api/v1/organizations/{partner}/credentials", new { role = "booker", label = "scale" }, "key");
        var publisher = await Post(http, operatorKey, "/api/v1/organizations", new { name = "Théâtre", kind = "cultural-institution", address = Address() }, "id");
        var offer = JsonDocument.Parse(await PostRaw(http, operatorKey, "/api/v1/offers", new
        {
            publisherOrganizationId = publisher, title = "Saison", category = "show", venueName = "Théâtre", city = "Lyon", description = "Échelle",
            sessions = new[] { new { startsAt = DateTimeOffset.UtcNow.AddDays(20), seats = 100_000 }, new { startsAt = DateTimeOffset.UtcNow.AddDays(21), seats = 100_000 } },
        })).RootElement;
        var (session, fresh) = (offer.GetProperty("sessions")[0].GetProperty("id").GetString()!, offer.GetProperty("sessions")[1].GetProperty("id").GetString()!);
        var beneficiary = await Post(http, bookerKey, "/api/v1/beneficiaries", new { displayName = "Personne" }, "id");
        var booking = JsonDocument.Parse(await PostRaw(http, bookerKey, "/api/v1/bookings", new
        {
            sessionId = session, beneficiaryId = beneficiary, guests = new[] { new { fullName = "Invitée", relation = "family" } },
        })).RootElement;
        var invitations = booking.GetProperty("invitations").EnumerateArray().ToList();
        string Invitation(string role) => invitations.First(i => i.GetProperty("role").GetString() == role).GetProperty("id").GetString()!;
        var ruche = await RucheAsync(http);
        // The notices of the signatures and the dispute, stored once the outbox is dispatched (no Hangfire server here).
        await PostRaw(http, AdminKey, "/api/v1/admin/jobs/outbox/run", new { });
        var notice = JsonDocument.Parse(await Get(http, AdminKey, $"/api/v1/notices?organizationId={partner}&limit=1")).RootElement.GetProperty("items")[0].GetProperty("id").GetString()!;
        return new Templates(operatorKey, bookerKey, @operator, partner, publisher, convention, ruche.Dispute, offer.GetProperty("id").GetString()!, session, fresh, beneficiary,
            booking.GetProperty("id").GetString()!, Invitation("beneficiary"), Invitation("guest"), notice, ruche);
    }

    private static async Task<Ruche> RucheAsync(HttpClient http)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var town = new { line1 = "Hôtel de ville", postalCode = "30200", city = "Bagnols-sur-Cèze" };
        var @operator = await Post(http, AdminKey, "/api/v1/organizations", new { name = "Ville de Bagnols-sur-Cèze", kind = "association", address = town }, "id");
        await Post(http, AdminKey, "/api/v1/programs/ruche-numerique/operators", new { organizationId = @operator }, "key");
        await Post(http, AdminKey, $"/api/v1/organizations/{@operator}/contacts", new { fullName = "Référent", email = "ruche@mairie.example", roles = new[] { "referent" } }, "id");
        var operatorKey = await Post(http, AdminKey, $"/api/v1/organizations/{@operator}/credentials", new { role = "operator-admin", label = "scale" }, "key");
        // Made by the operator, the partner takes part in its program.
        var partner = await Post(http, operatorKey, "/api/v1/organizations", new { name = "A.V.A.Q.B-C", kind = "social-service", address = town }, "id");
        await Post(http, operatorKey, $"/api/v1/organizations/{partner}/contacts", new { fullName = "Référente", email = "avaqbc@association.example", roles = new[] { "referent" } }, "id");
        // A period that holds the whole of next spring's semester.
        var startsOn = new DateOnly(today.Year, today.Month, 1);
        var convention = await Post(http, operatorKey, "/api/v1/conventions", new
        {
            templateKey = "ruche-numerique/premises", operatorOrganizationId = @operator, partnerOrganizationId = partner,
            startsOn = Day(startsOn), endsOn = Day(startsOn.AddYears(1).AddDays(-1)), place = "Bagnols-sur-Cèze",
            operatorSignatory = new { fullName = "A", title = "Maire" }, partnerSignatory = new { fullName = "B", title = "Présidente" },
            variables = new { partnerFullName = "Aide à la Valorisation et l'Amélioration des Quartiers de Bagnols-sur-Cèze" },
        }, "id");
        await Post(http, operatorKey, $"/api/v1/conventions/{convention}/send-for-signature", new { }, "id");
        await SignBothAsync(http, operatorKey, @operator, partner, convention);
        var partnerKey = await Post(http, operatorKey, $"/api/v1/organizations/{partner}/credentials", new { role = "partner", label = "scale" }, "key");
        var venue = await Post(http, operatorKey, "/api/v1/venues", new { name = "La Ruche Numérique", operatorOrganizationId = @operator, address = town }, "id");
        var office = await Post(http, operatorKey, $"/api/v1/venues/{venue}/rooms", new { name = "Bureau des permanences", kind = "office", capacity = 3, hasInternet = true }, "id");
        var semester = today.Month <= 6 ? $"{today.Year}-S2" : $"{today.Year + 1}-S1";
        var proposed = await Post(http, partnerKey, "/api/v1/permanences", new
        {
            conventionId = convention, roomId = office, semester, dayOfWeek = "thursday", startTime = "14:00", endTime = "17:00",
            activity = "residence-permit", intervenant = "Conseiller numérique", capacity = 2,
        }, "id");
        var approved = JsonDocument.Parse(await PostRaw(http, operatorKey, $"/api/v1/permanences/{proposed}/approval", new { })).RootElement;
        var occurrence = approved.GetProperty("occurrences")[0].GetProperty("id").GetString()!;
        var appointment = await Post(http, partnerKey, $"/api/v1/occurrences/{occurrence}/appointments", new
        {
            personName = "Personne", topic = "Titre de séjour", referredByVenue = true, email = "personne@example.org",
        }, "id");
        // On La Ruche's convention, whose disputes settle amicably: Culture pour tous' would suspend the bookings timed here.
        var dispute = await Post(http, operatorKey, "/api/v1/disputes", new
        {
            conventionId = convention, raisedBy = "operator", kind = "breach", grounds = "Permanences non tenues.",
            notice = new { channel = "simple-letter", notifiedOn = Day(today) },
        }, "id");
        return new Ruche(operatorKey, partnerKey, convention, venue, occurrence, appointment, dispute);
    }
}
