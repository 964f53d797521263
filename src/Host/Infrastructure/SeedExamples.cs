using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Conventions.Host.Infrastructure;

/// <summary>
/// Examples on the request bodies and the main answers, taken from the two seed conventions and the demo data (the same organizations,
/// people and figures): ALLIES – Culture pour tous and its social partner in Lyon, the town of Bagnols-sur-Cèze and
/// A.V.A.Q.B-C at La Ruche Numérique. Redocly checks each against its schema (<c>no-invalid-schema-examples</c>).
/// </summary>
internal sealed class SeedExamplesFilter : IDocumentFilter
{
    private const string Allies = "a1100000-0000-4000-8000-000000000001";
    private const string SocialPartner = "a1100000-0000-4000-8000-000000000002";
    private const string CulturalPartner = "a1100000-0000-4000-8000-000000000003";
    private const string Bagnols = "b2200000-0000-4000-8000-000000000001";

    private static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        ["RegisterOrganization"] = """
            { "name": "Association Passerelles Solidaires", "kind": "social-service",
              "address": { "line1": "12 rue de la Charité", "postalCode": "69002", "city": "Lyon" },
              "phone": "04 78 00 00 00", "website": "https://passerelles.example", "email": "contact@passerelles.example", "publishPhone": false }
            """,
        ["ContactBody"] = """
            { "fullName": "Claire MARTIN", "title": "Directrice", "email": "claire.martin@passerelles.example", "phone": "04 78 00 00 01", "roles": ["signatory", "referent"] }
            """,
        ["CredentialBody"] = """{ "role": "booker", "label": "Portail de réservation", "expiresOn": "2027-09-30" }""",
        ["CreateConvention"] = $$"""
            { "templateKey": "culture-pour-tous/social-partner", "operatorOrganizationId": "{{Allies}}", "partnerOrganizationId": "{{SocialPartner}}",
              "startsOn": "2026-10-01", "endsOn": "2027-09-30", "place": "Lyon",
              "operatorSignatory": { "fullName": "Anne Sophie CONDEMINE", "title": "Présidente" },
              "partnerSignatory": { "fullName": "Claire MARTIN", "title": "Directrice" } }
            """,
        ["SignatureBody"] = """
            { "party": "partner", "signatoryName": "Claire MARTIN", "signatoryTitle": "Directrice", "place": "Lyon" }
            """,
        ["RegisterBeneficiary"] = """{ "displayName": "Awa D.", "externalRef": "dossier-2026-014" }""",
        ["CreateOffer"] = $$"""
            { "publisherOrganizationId": "{{CulturalPartner}}", "title": "Le Malade imaginaire", "category": "show",
              "venueName": "Théâtre du Confluent", "city": "Lyon", "description": "Comédie-ballet de Molière.",
              "sessions": [ { "startsAt": "2026-12-04T20:30:00+01:00", "seats": 20 } ] }
            """,
        ["CreateBooking"] = """
            { "sessionId": "0193f5a2-7c41-7d2e-9b1a-4f6e2a8c0d11", "beneficiaryId": "0193f5a2-6b30-7c1d-8a09-3e5d1f7b9c22",
              "guests": [ { "fullName": "Moussa D.", "relation": "family" } ],
              "companions": [ { "fullName": "Julie R.", "kind": "professional", "reason": "Accompagnement de la sortie par la référente sociale" } ] }
            """,
        ["OpenDispute"] = """
            { "conventionId": "0193f5a2-5a2f-7b0c-8f18-2d4c0e6a8b33", "raisedBy": "operator", "kind": "breach",
              "grounds": "Grand nombre d'invitations inutilisées sans prévenir.",
              "notice": { "channel": "registered-letter", "sentOn": "2026-11-20", "notifiedOn": "2026-11-23" } }
            """,
        ["CreateVenue"] = $$"""
            { "name": "La Ruche Numérique", "operatorOrganizationId": "{{Bagnols}}",
              "address": { "line1": "Tiers-lieu La Ruche Numérique", "postalCode": "30200", "city": "Bagnols-sur-Cèze" } }
            """,
        ["RoomBody"] = """{ "name": "Bureau des permanences", "kind": "office", "capacity": 3, "hasInternet": true }""",
        ["CreatePermanence"] = """
            { "conventionId": "0193f5a2-5a2f-7b0c-8f18-2d4c0e6a8b44", "roomId": "0193f5a2-4e1d-7a0b-9e27-1c3b0d5f7a55",
              "semester": "2027-S1", "dayOfWeek": "thursday", "startTime": "14:00", "endTime": "17:00",
              "activity": "residence-permit", "intervenant": "Conseiller numérique de l'A.V.A.Q.B-C", "capacity": 2 }
            """,
        ["AppointmentBody"] = """
            { "personName": "Lina H.", "topic": "Titre de séjour", "referredByVenue": true, "email": "lina.h@example.org" }
            """,
        ["VisitBody"] = """{ "on": "2023-12-31", "category": "walk-in", "count": 8123 }""",
        ["DonationBody"] = $$"""{ "amount": 150.0, "receivedOn": "2026-11-20", "method": "transfer", "recipientOrganizationId": "{{Allies}}" }""",
        ["WebhookBody"] = """
            { "url": "https://portail.passerelles.example/webhooks/conventions",
              "eventTypes": ["booking.confirmed", "booking.promoted", "booking.cancelled", "session.cancelled", "notice.created"],
              "description": "Portail de la structure" }
            """,
    };

    /// <summary>
    /// Answers read from the demo host (Development, the seeds' organizations and conventions), one file per schema in
    /// src/Host/OpenApiExamples: a convention, an offer, an organization, a dispute, a booking with a guest.
    /// </summary>
    private static IEnumerable<(string Schema, string Json)> Answers()
    {
        var assembly = typeof(SeedExamplesFilter).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("OpenApiExamples.", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            yield return (resource["OpenApiExamples.".Length..^".json".Length], reader.ReadToEnd());
        }
    }

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        foreach (var (name, json) in Examples.Select(e => (e.Key, e.Value)).Concat(Answers()))
        {
            if (document.Components?.Schemas?.TryGetValue(name, out var schema) == true && schema is OpenApiSchema concrete)
            {
                concrete.Examples = [JsonNode.Parse(json)!];
            }
        }
    }
}
