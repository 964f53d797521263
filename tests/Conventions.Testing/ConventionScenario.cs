using System.Net;
using System.Text.Json;

namespace Conventions.Testing;

/// <summary>Builds conventions through the API, as an operator would.</summary>
public sealed class ConventionScenario(ConventionsFactory factory)
{
    private const string KeysExpireOn = "2029-11-01";

    public string OperatorId { get; private set; } = string.Empty;
    public string PartnerId { get; private set; } = string.Empty;
    public HttpClient Operator { get; private set; } = null!;
    public HttpClient Partner { get; private set; } = null!;

    public static async Task<ConventionScenario> CultureAsync(ConventionsFactory factory, string partnerName = "Association Passerelles Solidaires")
    {
        var scenario = new ConventionScenario(factory);
        await scenario.PartiesAsync("culture-pour-tous", "ALLIES – Culture pour tous", "24, rue Etienne Rognon", "69007", "Lyon", partnerName, "10, rue de l'Exemple", "69003", "Lyon");
        return scenario;
    }

    /// <summary>Culture pour tous run by an operator elsewhere (its postal code decides the holidays its deadlines count).</summary>
    public static async Task<ConventionScenario> CultureOperatedFromAsync(ConventionsFactory factory, string postalCode, string city, string partnerName = "Structure de l'Est")
    {
        var scenario = new ConventionScenario(factory);
        await scenario.PartiesAsync("culture-pour-tous", $"Culture pour tous – {city}", "1, place de la République", postalCode, city, partnerName, "2, rue de la Gare", postalCode, city);
        return scenario;
    }

    public static async Task<ConventionScenario> RucheAsync(ConventionsFactory factory)
    {
        var scenario = new ConventionScenario(factory);
        await scenario.PartiesAsync("ruche-numerique", "Ville de Bagnols-sur-Cèze", "Hôtel de ville", "30200", "Bagnols-sur-Cèze", "A.V.A.Q.B-C", "95, route de Lyon", "30200", "Bagnols-sur-Cèze");
        return scenario;
    }

    /// <summary>
    /// Another partner of the same operator (a new organization, its referent, its partner key and its registered
    /// signatory "Claire MARTIN, Directrice"): the scenario it returns drafts and signs with that partner.
    /// </summary>
    public async Task<ConventionScenario> AnotherPartnerAsync(string partnerName)
    {
        var other = new ConventionScenario(factory)
        {
            OperatorId = OperatorId, Operator = Operator, Program = Program, OperatorSignatoryId = OperatorSignatoryId,
        };
        other.PartnerId = await Create(Operator, partnerName, "social-service", "3, rue de la Paix", "69003", "Lyon");
        await Operator.AddContactAsync(other.PartnerId, "Référent Partenaire", $"referent@{other.PartnerId[..8]}.example", "referent");
        var (_, partnerKey) = await Operator.IssueKeyAsync(other.PartnerId, "partner", KeysExpireOn);
        other.Partner = factory.Client(partnerKey);
        other.PartnerSignatoryId = await other.Partner.AddSignatoryAsync(other.PartnerId, "Claire MARTIN", "Directrice");
        return other;
    }

    /// <summary>The program the operator runs (set by the platform admin).</summary>
    public string Program { get; private set; } = string.Empty;

    private async Task PartiesAsync(string program, string operatorName, string operatorLine, string operatorPostal, string operatorCity, string partnerName, string partnerLine, string partnerPostal, string partnerCity)
    {
        var admin = factory.Admin();
        OperatorId = await Create(admin, operatorName, "association", operatorLine, operatorPostal, operatorCity);
        Program = program;
        await admin.MakeOperatorAsync(program, OperatorId);
        // Keys valid for the whole scenario, whatever date the test moves the clock to.
        var (_, operatorKey) = await admin.IssueKeyAsync(OperatorId, "operator-admin", KeysExpireOn);
        Operator = factory.Client(operatorKey);
        await Operator.AddContactAsync(OperatorId, "Référente Opérateur", "referente@operateur.example", "referent");
        PartnerId = await Create(Operator, partnerName, "social-service", partnerLine, partnerPostal, partnerCity);
        await Operator.AddContactAsync(PartnerId, "Référent Partenaire", "referent@partenaire.example", "referent");
        var (_, partnerKey) = await Operator.IssueKeyAsync(PartnerId, "partner", KeysExpireOn);
        Partner = factory.Client(partnerKey);
        // The signatories the drafts name, registered by their organizations (a signature names a registered signatory).
        var (operatorSignatory, partnerSignatory) = program == ProgramCulture
            ? (("Anne Sophie CONDEMINE", "Présidente"), ("Claire MARTIN", "Directrice"))
            : (("Jean-Yves CHAPELET", "Maire"), ("Madame Maryse NORDEZ-RYEZ", "Présidente"));
        OperatorSignatoryId = await Operator.AddSignatoryAsync(OperatorId, operatorSignatory.Item1, operatorSignatory.Item2);
        PartnerSignatoryId = await Partner.AddSignatoryAsync(PartnerId, partnerSignatory.Item1, partnerSignatory.Item2);
    }

    private const string ProgramCulture = "culture-pour-tous";

    /// <summary>The operator's registered signatory contact.</summary>
    public string OperatorSignatoryId { get; private set; } = string.Empty;

    /// <summary>The partner's registered signatory contact.</summary>
    public string PartnerSignatoryId { get; private set; } = string.Empty;

    private static async Task<string> Create(HttpClient client, string name, string kind, string line1, string postalCode, string city)
    {
        var response = await client.PostJsonAsync("/api/v1/organizations", new { name, kind, address = new { line1, postalCode, city } });
        return (await response.ExpectAsync(HttpStatusCode.Created)).Str("id");
    }

    public async Task<JsonElement> DraftCultureAsync(string startsOn = "2026-10-01", string endsOn = "2027-09-30") =>
        await Operator.PostJsonAsync("/api/v1/conventions", new
        {
            templateKey = "culture-pour-tous/social-partner",
            operatorOrganizationId = OperatorId,
            partnerOrganizationId = PartnerId,
            startsOn,
            endsOn,
            place = "Lyon",
            operatorSignatory = new { fullName = "Anne Sophie CONDEMINE", title = "Présidente" },
            partnerSignatory = new { fullName = "Claire MARTIN", title = "Directrice" },
        }).ExpectAsync(HttpStatusCode.Created);

    public async Task<JsonElement> DraftRucheAsync(string startsOn = "2026-01-01") =>
        await Operator.PostJsonAsync("/api/v1/conventions", new
        {
            templateKey = "ruche-numerique/premises",
            operatorOrganizationId = OperatorId,
            partnerOrganizationId = PartnerId,
            startsOn,
            endsOn = DateOnly.Parse(startsOn, System.Globalization.CultureInfo.InvariantCulture).AddYears(1).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            place = "Bagnols-sur-Cèze",
            operatorSignatory = new { fullName = "Jean-Yves CHAPELET", title = "Maire" },
            partnerSignatory = new { fullName = "Madame Maryse NORDEZ-RYEZ", title = "Présidente" },
            variables = new { partnerFullName = "Aide à la Valorisation et l'Amélioration des Quartiers de Bagnols-sur-Cèze" },
        }).ExpectAsync(HttpStatusCode.Created);

    /// <summary>
    /// The follow-up committee meets and renews the current period (La Ruche): the next period's semesters open to
    /// permanences (issue 18).
    /// </summary>
    public async Task DecideRenewalAsync(string id, string meetsOn = "2026-11-23")
    {
        var committee = (await Operator.PostJsonAsync($"/api/v1/conventions/{id}/committees", new { meetsOn }).ExpectAsync(HttpStatusCode.Created)).Str("id");
        await Operator.PostJsonAsync($"/api/v1/conventions/{id}/committees/{committee}/decision", new { renew = true, minutes = "Bilan positif, reconduction." })
            .ExpectAsync(HttpStatusCode.OK);
    }

    /// <summary>
    /// The venue's operator publishes internal rules (creating La Ruche's venue when none is given) and the partner
    /// acknowledges them under the premises convention: what an internal-rules breach cites (issue 18). Returns the venue.
    /// </summary>
    public async Task<string> AcknowledgeInternalRulesAsync(string conventionId, string? venueId = null)
    {
        venueId ??= (await Operator.PostJsonAsync("/api/v1/venues", new
        {
            name = "La Ruche Numérique", operatorOrganizationId = OperatorId,
            address = new { line1 = "Tiers-lieu", postalCode = "30200", city = "Bagnols-sur-Cèze" },
        }).ExpectAsync(HttpStatusCode.Created)).Str("id");
        var rules = await Operator.PostJsonAsync($"/api/v1/venues/{venueId}/internal-rules", new
        {
            title = "Règlement intérieur de la Ruche Numérique",
            text = "Article 1 – Accès. Les locaux sont ouverts aux heures affichées.\nArticle 2 – Usage. Les postes sont réservés aux accompagnements.",
        }).ExpectAsync(HttpStatusCode.Created);
        await Partner.PostJsonAsync($"/api/v1/venues/{venueId}/internal-rules/acknowledgments", new
        {
            conventionId, version = rules.GetProperty("version").GetInt32(), acknowledgedBy = "Maryse NORDEZ-RYEZ, présidente",
        }).ExpectAsync(HttpStatusCode.Created);
        return venueId;
    }

    public async Task<JsonElement> SignBothAsync(string id, string? signedOn = null, string place = "Lyon", bool send = true)
    {
        if (send)
        {
            await Operator.PostAsync($"/api/v1/conventions/{id}/send-for-signature", null).ExpectAsync(HttpStatusCode.OK);
        }
        // Each party signs through its own key, naming the signatory the convention names (a registered contact); the server dates it.
        var convention = await Operator.GetAsync($"/api/v1/conventions/{id}").ExpectAsync(HttpStatusCode.OK);
        var (operatorSignatory, partnerSignatory) = (convention.GetProperty("operatorSignatory"), convention.GetProperty("partnerSignatory"));
        await Operator.PostJsonAsync($"/api/v1/conventions/{id}/signatures", new { party = "operator", signatoryName = operatorSignatory.Str("fullName"), signatoryTitle = operatorSignatory.Str("title"), place, signedOn })
            .ExpectAsync(HttpStatusCode.Created);
        return await Partner.PostJsonAsync($"/api/v1/conventions/{id}/signatures", new { party = "partner", signatoryName = partnerSignatory.Str("fullName"), signatoryTitle = partnerSignatory.Str("title"), place, signedOn })
            .ExpectAsync(HttpStatusCode.Created);
    }
}
