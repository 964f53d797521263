using System.Net;
using System.Text;
using System.Text.Json;
using Conventions.Testing;

namespace Host.Tests;

/// <summary>
/// The whole access policy as data (docs/access.md): every route of the committed OpenAPI document, called by every role
/// on its own organization, on another organization of the same program, and on an organization of the other program,
/// plus the platform admin, both programs' operators and a caller without a key. A route without its row fails
/// <see cref="Every_route_of_the_contract_has_its_row"/>, so a new route cannot ship without its policy.
/// </summary>
/// <remarks>
/// Expected outcome per caller, in <see cref="Callers"/> order (spaces are ignored):
/// <c>A</c> 2xx · <c>F</c> 403 · <c>N</c> 404 · <c>U</c> 401 · <c>C</c> 409 and <c>R</c> 422 (the call passed its access
/// checks and met a state or business rule). A call expected to succeed gets a target of its own, built fresh, so
/// that what one caller changes never decides another caller's answer.
/// </remarks>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.World world) : IClassFixture<AuthorizationMatrixTests.World>
{
    public static readonly string[] Callers =
    [
        "admin",
        "operator:own-program", "operator:other-program",
        "booker:own", "booker:same-program", "booker:other-program",
        "partner:own", "partner:same-program", "partner:other-program",
        "publisher:own", "publisher:same-program", "publisher:other-program",
        "visitor:own", "visitor:same-program", "visitor:other-program",
        "anonymous",
    ];

    private const string Cpt = "culture-pour-tous";
    private const string Ruche = "ruche-numerique";

    /// <summary>What a call acts on: the organization whose data it is (the "own" of the callers), the URL and the body.</summary>
    public sealed record Target(Org Owner, string Url, object? Body = null);

    /// <summary>A body sent as is (a file), not as JSON.</summary>
    public sealed record RawBody(byte[] Content, string ContentType);

    /// <summary>A 1 × 1 PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==");

    public sealed record Row(string Route, string Program, string Expected, Func<World, Caller, Task<Target>> Build);

    /// <summary>Who calls, as the target builder needs to know it (a party signs for its own side).</summary>
    public sealed record Caller(string Name)
    {
        public bool IsOperator => Name.StartsWith("operator", StringComparison.Ordinal) || Name == "admin";
    }

    private static Row R(string route, string program, string expected, Func<World, Caller, Task<Target>> build) => new(route, program, expected, build);

    private static readonly Row[] Rows =
    [
        // Conventions (Culture pour tous unless said otherwise).
        R("POST /api/v1/conventions", Cpt, "A AF FFF FFF FFF FFF U", async (w, _) =>
        {
            var org = await w.OrgAsync(Cpt);
            return new Target(org, "/api/v1/conventions", w.CultureDraft(org));
        }),
        R("GET /api/v1/conventions", Cpt, "A AA AAA AAA AAA FFF U", async (w, _) => new Target(await w.SharedCptAsync(), "/api/v1/conventions")),
        R("GET /api/v1/conventions/{id}", Cpt, "A AF AFF AFF AFF FFF U", async (w, _) => { var (o, c) = await w.SharedCptConventionAsync(); return new Target(o, $"/api/v1/conventions/{c}"); }),
        R("PATCH /api/v1/conventions/{id}", Cpt, "A AF FFF FFF FFF FFF U", async (w, _) =>
        {
            var (org, id) = await w.DraftAsync(Cpt);
            return new Target(org, $"/api/v1/conventions/{id}", new { place = "Villeurbanne" });
        }),
        R("GET /api/v1/conventions/{id}/document", Cpt, "A AF AFF AFF AFF FFF U", async (w, _) => { var (o, c) = await w.SharedCptConventionAsync(); return new Target(o, $"/api/v1/conventions/{c}/document"); }),
        R("GET /api/v1/conventions/{id}/evidence", Cpt, "A AF AFF AFF AFF FFF U", async (w, _) => { var (o, c) = await w.SharedCptConventionAsync(); return new Target(o, $"/api/v1/conventions/{c}/evidence"); }),
        R("GET /api/v1/conventions/{id}/document-link", Cpt, "A AF AFF AFF AFF FFF U", async (w, _) => { var (o, c) = await w.SharedCptConventionAsync(); return new Target(o, $"/api/v1/conventions/{c}/document-link"); }),
        // The link is the credential for its 5 minutes: whoever holds it opens the document, key or not.
        R("GET /api/v1/document-links/{token}", Cpt, "A AA AAA AAA AAA AAA A", async (w, _) =>
        {
            var (o, c) = await w.SharedCptConventionAsync();
            var link = await w.Admin().GetAsync($"/api/v1/conventions/{c}/document-link").ExpectAsync(HttpStatusCode.OK);
            return new Target(o, link.Str("url"));
        }),
        R("POST /api/v1/conventions/{id}/send-for-signature", Cpt, "A AF FFF FFF FFF FFF U", async (w, _) =>
        {
            var (org, id) = await w.DraftAsync(Cpt);
            return new Target(org, $"/api/v1/conventions/{id}/send-for-signature");
        }),
        R("POST /api/v1/conventions/{id}/signatures", Cpt, "F AF FFF AFF FFF FFF U", async (w, caller) =>
        {
            var (org, id) = await w.DraftAsync(Cpt);
            await w.Expect(w.Op(Cpt).PostAsync($"/api/v1/conventions/{id}/send-for-signature", null), HttpStatusCode.OK);
            return new Target(org, $"/api/v1/conventions/{id}/signatures", World.Signature(caller.IsOperator ? "operator" : "partner"));
        }),
        // The season's turnover: Culture pour tous' operators (a dry run here, so that no row's conventions change).
        R("POST /api/v1/programs/culture-pour-tous/seasons/{season}/renewal", Cpt, "A AF FFF FFF FFF FFF U", async (w, _) =>
            new Target(await w.SharedCptAsync(), "/api/v1/programs/culture-pour-tous/seasons/2026-2027/renewal?dryRun=true")),
        // The season's keys: reissued by the program's operators (counts only); collected by the link alone, no key needed
        // (an unknown link is refused to everyone alike; the real flow is in Partners.Tests.SeasonKeysTests).
        R("POST /api/v1/programs/{key}/credentials/reissue", Cpt, "A AF FFF FFF FFF FFF U", async (w, _) =>
            new Target(await w.SharedCptAsync(), "/api/v1/programs/culture-pour-tous/credentials/reissue", new { expiringBy = "2026-11-24" })),
        R("POST /api/v1/credential-claims/{token}", Cpt, "F FF FFF FFF FFF FFF F", async (w, _) =>
            new Target(await w.SharedCptAsync(), "/api/v1/credential-claims/unknown-link")),
        // Season events (issue 19): the operator's own; its program's partners see and register; proposals come from partners.
        R("POST /api/v1/season-events", Cpt, "F AF FFF FFF FFF FFF U", async (w, _) => new Target(await w.SharedCptAsync(), "/api/v1/season-events", World.SeasonEvent)),
        R("POST /api/v1/season-events/proposals", Cpt, "F FF AAF AAF AAF FFF U", async (w, _) =>
            new Target(await w.SharedCptAsync(), "/api/v1/season-events/proposals", w.MediationProposal())),
        R("GET /api/v1/season-events", Cpt, "A AA AAA AAA AAA FFF U", async (w, _) => new Target(await w.SharedCptAsync(), "/api/v1/season-events")),
        R("GET /api/v1/season-events/{id}", Cpt, "A AF AAF AAF AAF FFF U", async (w, _) =>
            new Target(await w.SharedCptAsync(), $"/api/v1/season-events/{await w.SharedSeasonEventAsync()}")),
        R("POST /api/v1/season-events/{id}/acceptance", Cpt, "A AF FFF FFF FFF FFF U", async (w, _) =>
        {
            var o = await w.SharedCptAsync();
            var proposal = (await w.Expect(o.Key("partner").PostJsonAsync("/api/v1/season-events/proposals", w.MediationProposal()), HttpStatusCode.Created)).Str("id");
            return new Target(o, $"/api/v1/season-events/{proposal}/acceptance");
        }),
        R("POST /api/v1/season-events/{id}/refusal", Cpt, "A AF FFF FFF FFF FFF U", async (w, _) =>
        {
            var o = await w.SharedCptAsync();
            var proposal = (await w.Expect(o.Key("partner").PostJsonAsync("/api/v1/season-events/proposals", w.MediationProposal()), HttpStatusCode.Created)).Str("id");
            return new Target(o, $"/api/v1/season-events/{proposal}/refusal", new { reason = "Programme complet." });
        }),
        R("POST /api/v1/season-events/{id}/registrations", Cpt, "F FF AAF AAF AAF FFF U", async (w, _) =>
        {
            var e = (await w.Expect(w.Op(Cpt).PostJsonAsync("/api/v1/season-events", World.SeasonEvent), HttpStatusCode.Created)).Str("id");
            return new Target(await w.SharedCptAsync(), $"/api/v1/season-events/{e}/registrations", new { personName = "Nadia B.", role = "Animatrice" });
        }),
        R("POST /api/v1/season-events/{id}/registrations/{registrationId}/cancel", Cpt, "A AF AFF AFF AFF FFF U", async (w, _) =>
        {
            var o = await w.SharedCptAsync();
            var e = (await w.Expect(w.Op(Cpt).PostJsonAsync("/api/v1/season-events", World.SeasonEvent), HttpStatusCode.Created)).Str("id");
            var registered = await w.Expect(o.Key("booker").PostJsonAsync($"/api/v1/season-events/{e}/registrations", new { personName = "Paul R.", role = "Directeur" }), HttpStatusCode.Created);
            return new Target(o, $"/api/v1/season-events/{e}/registrations/{registered.GetProperty("registrations")[0].Str("id")}/cancel");
        }),
        // Attendance is taken once the event has started: those who pass the access checks meet 409 season_event.not_started.
        R("POST /api/v1/season-events/{id}/attendance", Cpt, "C CF FFF FFF FFF FFF U", async (w, _) =>
            new Target(await w.SharedCptAsync(), $"/api/v1/season-events/{await w.SharedSeasonEventAsync()}/attendance",
                new { registrations = new[] { new { registrationId = Guid.NewGuid(), attended = true } } })),
        // Reports for funders: each program's operators (and the platform).
        R("GET /api/v1/programs/culture-pour-tous/reports/{season}", Cpt, "A AF FFF FFF FFF FFF U", async (w, _) =>
            new Target(await w.SharedCptAsync(), "/api/v1/programs/culture-pour-tous/reports/2026-2027")),
        R("GET /api/v1/programs/ruche-numerique/reports/{year}", Ruche, "A AF FFF FFF FFF FFF U", async (w, _) =>
            new Target(await w.SharedRucheAsync(), "/api/v1/programs/ruche-numerique/reports/2026")),
        R("GET /api/v1/convention-templates", Cpt, "A AA AAA AAA AAA FFF U", async (w, _) => new Target(await w.SharedCptAsync(), "/api/v1/convention-templates")),
        R("POST /api/v1/conventions/{id}/amendments", Cpt, "A AF FFF AFF FFF FFF U", async (w, _) =>
        {
            var (org, id) = await w.ActiveAsync(Cpt);
            return new Target(org, $"/api/v1/conventions/{id}/amendments", World.Amendment);
        }),
        R("GET /api/v1/conventions/{id}/amendments", Cpt, "A AF AFF AFF AFF FFF U", async (w, _) => { var (o, c, _) = await w.SharedAmendmentAsync(); return new Target(o, $"/api/v1/conventions/{c}/amendments"); }),
        R("GET /api/v1/conventions/{id}/amendments/{amendmentId}/document", Cpt, "A AF AFF AFF AFF FFF U", async (w, _) =>
        {
            var (o, c, a) = await w.SharedAmendmentAsync();
            return new Target(o, $"/api/v1/conventions/{c}/amendments/{a}/document");
        }),
        R("POST /api/v1/conventions/{id}/amendments/{amendmentId}/signatures", Cpt, "F AF FFF AFF FFF FFF U", async (w, caller) =>
        {
            var (org, id) = await w.ActiveAsync(Cpt);
            var amendment = (await w.Expect(w.Op(Cpt).PostJsonAsync($"/api/v1/conventions/{id}/amendments", World.Amendment), HttpStatusCode.Created)).Str("id");
            return new Target(org, $"/api/v1/conventions/{id}/amendments/{amendment}/signatures", World.Signature(caller.IsOperator ? "operator" : "partner"));
        }),
        R("POST /api/v1/conventions/{id}/committees", Ruche, "A AF FFF FFF FFF FFF U", async (w, _) =>
        {
            var (org, id) = await w.ActiveAsync(Ruche);
            return new Target(org, $"/api/v1/conventions/{id}/committees", new { meetsOn = "2026-11-23" });
        }),
        R("POST /api/v1/conventions/{id}/committees/{committeeId}/decision", Ruche, "A AF FFF FFF FFF FFF U", async (w, _) =>
        {
            var (org, id) = await w.ActiveAsync(Ruche);
            var committee = (await w.Expect(w.Op(Ruche).PostJsonAsync($"/api/v1/conventions/{id}/committees", new { meetsOn = "2026-11-23" }), HttpStatusCode.Created)).Str("id");
            return new Target(org, $"/api/v1/conventions/{id}/committees/{committee}/decision", new { renew = true, minutes = "Le partenariat se poursuit." });
        }),
        // The partner answers the committee's decision for itself: neither the operator nor the platform answers for it.
        R("POST /api/v1/conventions/{id}/committees/{committeeId}/answer", Ruche, "F FF FFF AFF FFF FFF U", async (w, _) =>
        {
            var (org, id) = await w.ActiveAsync(Ruche);
            var committee = (await w.Expect(w.Op(Ruche).PostJsonAsync($"/api/v1/conventions/{id}/committees", new { meetsOn = "2026-11-23" }), HttpStatusCode.Created)).Str("id");
            await w.Expect(w.Op(Ruche).PostJsonAsync($"/api/v1/conventions/{id}/committees/{committee}/decision", new { renew = true, minutes = "Le partenariat se poursuit." }), HttpStatusCode.OK);
            return new Target(org, $"/api/v1/conventions/{id}/committees/{committee}/answer", new { agrees = true });
        }),
        R("POST /api/v1/conventions/{id}/publications", Ruche, "A AF FFF AFF FFF FFF U", async (w, _) =>
        {
            var (org, id) = await w.ActiveAsync(Ruche);
            return new Target(org, $"/api/v1/conventions/{id}/publications", new { title = "Flyer", medium = "flyer", bearsBothLogos = true });
        }),
        R("POST /api/v1/conventions/{id}/publications/{publicationId}/approvals", Ruche, "A AF FFF AFF FFF FFF U", async (w, caller) =>
        {
            var (org, id) = await w.ActiveAsync(Ruche);
            var publication = (await w.Expect(w.Op(Ruche).PostJsonAsync($"/api/v1/conventions/{id}/publications", new { title = "Flyer", medium = "flyer", bearsBothLogos = true }), HttpStatusCode.Created)).Str("id");
            return new Target(org, $"/api/v1/conventions/{id}/publications/{publication}/approvals", new { party = caller.IsOperator ? "operator" : "partner" });
        }),

        // Organizations, credentials, programs, directory, donations.
        R("POST /api/v1/organizations", Cpt, "A AA FFF FFF FFF FFF U", async (w, _) =>
            new Target(await w.SharedCptAsync(), "/api/v1/organizations", new { name = "Nouvelle structure", kind = "social-service", address = new { line1 = "1 rue", postalCode = "69001", city = "Lyon" } })),
        R("GET /api/v1/organizations", Cpt, "A AA AAA AAA AAA FFF U", async (w, _) => new Target(await w.SharedCptAsync(), "/api/v1/organizations")),
        R("GET /api/v1/organizations/{id}", Cpt, "A AF AFF AFF AFF FFF U", async (w, _) => { var o = await w.SharedCptAsync(); return new Target(o, $"/api/v1/organizations/{o.Id}"); }),
        R("POST /api/v1/organizations/{id}/contacts", Cpt, "A AF FFF AFF FFF FFF U", async (w, _) =>
        {
            var o = await w.OrgAsync(Cpt);
            return new Target(o, $"/api/v1/organizations/{o.Id}/contacts", new { fullName = "Nouvelle Référente", email = "nouvelle@example.org", roles = new[] { "referent" } });
        }),
        R("PUT /api/v1/organizations/{id}/logo", Cpt, "A AF FFF AFF FFF FFF U", async (w, _) =>
        {
            var o = await w.OrgAsync(Cpt);
            return new Target(o, $"/api/v1/organizations/{o.Id}/logo", new RawBody(Png, "image/png"));
        }),
        R("GET /api/v1/organizations/{id}/logo", Cpt, "A AA AAA AAA AAA FFF U", async (w, _) => new Target(await w.OrgWithLogoAsync(), $"/api/v1/organizations/{(await w.OrgWithLogoAsync()).Id}/logo")),
        R("DELETE /api/v1/organizations/{id}/logo", Cpt, "A AF FFF AFF FFF FFF U", async (w, _) =>
        {
            var o = await w.OrgAsync(Cpt);
            using var logo = new ByteArrayContent(Png);
            logo.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
            await w.Expect(w.AdminClient.PutAsync($"/api/v1/organizations/{o.Id}/logo", logo), HttpStatusCode.OK);
            return new Target(o, $"/api/v1/organizations/{o.Id}/logo");
        }),
        R("POST /api/v1/organizations/{id}/suspend", Cpt, "A AF FFF FFF FFF FFF U", async (w, _) =>
        {
            var o = await w.OrgAsync(Cpt);
            return new Target(o, $"/api/v1/organizations/{o.Id}/suspend", new { reason = "Usage abusif" });
        }),
        R("POST /api/v1/organizations/{id}/reactivate", Cpt, "A AF FFF FFF FFF FFF U", async (w, _) =>
        {
            var o = await w.OrgAsync(Cpt);
            await w.Expect(w.AdminClient.PostJsonAsync($"/api/v1/organizations/{o.Id}/suspend", new { reason = "Contrôle" }), HttpStatusCode.OK);
            return new Target(o, $"/api/v1/organizations/{o.Id}/reactivate");
        }),
        R("POST /api/v1/organizations/{id}/credentials", Cpt, "A AF FFF FFF FFF FFF U", async (w, _) =>
        {
            var o = await w.OrgAsync(Cpt);
            return new Target(o, $"/api/v1/organizations/{o.Id}/credentials", new { role = "booker", label = "Poste accueil" });
        }),
        R("GET /api/v1/organizations/{id}/credentials", Cpt, "A AF FFF FFF FFF FFF U", async (w, _) => { var o = await w.SharedCptAsync(); return new Target(o, $"/api/v1/organizations/{o.Id}/credentials"); }),
        R("POST /api/v1/organizations/{id}/credentials/{credentialId}/revoke", Cpt, "A AF FFF FFF FFF FFF U", async (w, _) =>
        {
            var o = await w.OrgAsync(Cpt);
            var (credential, _) = await w.AdminClient.IssueKeyAsync(o.Id, "booker");
            return new Target(o, $"/api/v1/organizations/{o.Id}/credentials/{credential}/revoke");
        }),
        R("POST /api/v1/organizations/{id}/credentials/{credentialId}/rotate", Cpt, "A AF FFF FFF FFF FFF U", async (w, _) =>
        {
            // Another key than the caller's own (self-rotation is its own test).
            var o = await w.OrgAsync(Cpt);
            var (credential, _) = await w.AdminClient.IssueKeyAsync(o.Id, "booker");
            return new Target(o, $"/api/v1/organizations/{o.Id}/credentials/{credential}/rotate");
        }),
        R("GET /api/v1/platform/credentials", Cpt, "A FF FFF FFF FFF FFF U", async (w, _) => new Target(await w.SharedCptAsync(), "/api/v1/platform/credentials")),
        R("POST /api/v1/platform/credentials", Cpt, "A FF FFF FFF FFF FFF U", async (w, _) =>
            new Target(await w.SharedCptAsync(), "/api/v1/platform/credentials", new { label = "Seconde administratrice" })),
        R("POST /api/v1/platform/credentials/{credentialId}/rotate", Cpt, "A FF FFF FFF FFF FFF U", async (w, _) =>
            new Target(await w.SharedCptAsync(), $"/api/v1/platform/credentials/{await w.PlatformKeyAsync()}/rotate")),
        R("POST /api/v1/platform/credentials/{credentialId}/revoke", Cpt, "A FF FFF FFF FFF FFF U", async (w, _) =>
            new Target(await w.SharedCptAsync(), $"/api/v1/platform/credentials/{await w.PlatformKeyAsync()}/revoke")),
        R("GET /api/v1/programs", Cpt, "A AA AAA AAA AAA FFF U", async (w, _) => new Target(await w.SharedCptAsync(), "/api/v1/programs")),
        R("POST /api/v1/programs/{key}/operators", Cpt, "A FF FFF FFF FFF FFF U", async (w, _) =>
        {
            var o = await w.OrgAsync(Cpt);
            return new Target(o, "/api/v1/programs/culture-pour-tous/operators", new { organizationId = o.Id });
        }),
        R("DELETE /api/v1/programs/{key}/operators/{organizationId}", Cpt, "A FF FFF FFF FFF FFF U", async (w, _) =>
        {
            var o = await w.OrgAsync(Cpt);
            await w.AdminClient.MakeOperatorAsync(Cpt, o.Id);
            return new Target(o, $"/api/v1/programs/culture-pour-tous/operators/{o.Id}");
        }),
        R("POST /api/v1/programs/{key}/members", Cpt, "A FF FFF FFF FFF FFF U", async (w, _) =>
        {
            var o = await w.OrgAsync(Ruche);
            return new Target(o, "/api/v1/programs/culture-pour-tous/members", new { organizationId = o.Id });
        }),
        R("GET /api/v1/directory", Cpt, "A AA AAA AAA AAA AAA A", async (w, _) => new Target(await w.SharedCptAsync(), "/api/v1/directory")),
        R("GET /api/v1/directory/partners", Cpt, "A AA AAA AAA AAA FFF U", async (w, _) => new Target(await w.SharedCptAsync(), "/api/v1/directory/partners")),
        R("POST /api/v1/organizations/{id}/donations", Cpt, "A AF FFF FFF FFF FFF U", async (w, _) =>
        {
            var o = await w.OrgAsync(Cpt);
            return new Target(o, $"/api/v1/organizations/{o.Id}/donations", new { amount = 50m, receivedOn = "2026-11-20", method = "transfer", recipientOrganizationId = w.OperatorId(Cpt) });
        }),
        R("GET /api/v1/organizations/{id}/donations", Cpt, "A AF AFF AFF AFF FFF U", async (w, _) => { var (o, _) = await w.SharedDonationAsync(); return new Target(o, $"/api/v1/organizations/{o.Id}/donations"); }),
        R("GET /api/v1/organizations/{id}/donations/{donationId}/receipt", Cpt, "A AF AFF AFF AFF FFF U", async (w, _) =>
        {
            var (o, d) = await w.SharedDonationAsync();
            return new Target(o, $"/api/v1/organizations/{o.Id}/donations/{d}/receipt");
        }),

        // Disputes: raised by the operator on an active convention.
        R("POST /api/v1/disputes", Cpt, "A AF FFF AFF FFF FFF U", async (w, caller) =>
        {
            var (org, id) = await w.ActiveAsync(Cpt);
            return new Target(org, "/api/v1/disputes", World.OpenDispute(id, caller.IsOperator ? "operator" : "partner"));
        }),
        R("GET /api/v1/disputes", Cpt, "A AA AAA AAA AAA FFF U", async (w, _) => new Target(await w.SharedCptAsync(), "/api/v1/disputes")),
        R("GET /api/v1/disputes/{id}", Cpt, "A AF AFF AFF AFF FFF U", async (w, _) => { var (o, d) = await w.SharedDisputeAsync(); return new Target(o, $"/api/v1/disputes/{d}"); }),
        R("POST /api/v1/disputes/{id}/explanation", Cpt, "A FF FFF AFF FFF FFF U", async (w, _) =>
        {
            var (o, d) = await w.DisputeAsync(Cpt);
            return new Target(o, $"/api/v1/disputes/{d}/explanation", new { submittedOn = "2026-11-23", text = "Une sortie annulée trop tard." });
        }),
        R("POST /api/v1/disputes/{id}/agreement", Cpt, "A AF FFF AFF FFF FFF U", async (w, caller) =>
        {
            var (o, d) = await w.DisputeAsync(Cpt);
            return new Target(o, $"/api/v1/disputes/{d}/agreement", new { agreedOn = "2026-11-23", summary = "Accord.", party = caller.Name == "admin" ? "operator" : null });
        }),
        R("POST /api/v1/disputes/{id}/agreement/withdraw", Cpt, "A CF FFF AFF FFF FFF U", async (w, caller) =>
        {
            // The partner proposed: only the partner (or the platform, for it) withdraws; the operator has nothing to withdraw.
            var (o, d) = await w.DisputeAsync(Cpt);
            await w.Expect(o.Key("partner").PostJsonAsync($"/api/v1/disputes/{d}/agreement", new { agreedOn = "2026-11-23", summary = "Proposition." }), HttpStatusCode.OK);
            return new Target(o, $"/api/v1/disputes/{d}/agreement/withdraw", new { party = caller.Name == "admin" ? "partner" : null });
        }),
        R("POST /api/v1/disputes/{id}/termination", Cpt, "C CF FFF FFF FFF FFF U", async (w, _) =>
        {
            // Before the window opens: the raiser passes its access check and meets 409.
            var (o, d) = await w.DisputeAsync(Cpt);
            return new Target(o, $"/api/v1/disputes/{d}/termination", new { registeredLetter = new { sentOn = "2026-11-23", trackingNumber = "1A00000000001" } });
        }),
        R("POST /api/v1/disputes/{id}/remedy", Ruche, "A AF FFF FFF FFF FFF U", async (w, _) =>
        {
            var (o, d) = await w.DisputeAsync(Ruche);
            return new Target(o, $"/api/v1/disputes/{d}/remedy", new { remediedOn = "2026-11-23", summary = "Permanences rétablies." });
        }),

        // Notices, legal calendar, jobs.
        R("GET /api/v1/notices", Cpt, "A AA AAA AAA AAA FFF U", async (w, _) => new Target(await w.SharedCptAsync(), "/api/v1/notices")),
        R("GET /api/v1/notices/{id}", Cpt, "A NN ANN ANN ANN FFF U", async (w, _) => { var (o, n) = await w.SharedNoticeAsync(); return new Target(o, $"/api/v1/notices/{n}"); }),
        R("GET /api/v1/notices/{id}/document", Cpt, "A NN ANN ANN ANN FFF U", async (w, _) => { var (o, n) = await w.SharedNoticeAsync(); return new Target(o, $"/api/v1/notices/{n}/document"); }),
        R("GET /api/v1/calendar/deadline", Cpt, "A AA AAA AAA AAA FFF U", async (w, _) => new Target(await w.SharedCptAsync(), "/api/v1/calendar/deadline?from=2024-04-23&period=P15D")),
        R("GET /api/v1/calendar/holidays", Cpt, "A AA AAA AAA AAA FFF U", async (w, _) => new Target(await w.SharedCptAsync(), "/api/v1/calendar/holidays?year=2026")),
        R("POST /api/v1/admin/jobs/{name}/run", Cpt, "A FF FFF FFF FFF FFF U", async (w, _) => new Target(await w.SharedCptAsync(), "/api/v1/admin/jobs/outbox/run")),

        // Webhooks: an organization's own partner or operator staff, the platform admin for any (another's is 404).
        R("POST /api/v1/webhooks", Cpt, "A FF FFF AFF FFF FFF U", async (w, _) =>
        {
            var o = await w.OrgAsync(Cpt);
            return new Target(o, "/api/v1/webhooks", new { url = "https://portail.example.org/hooks", eventTypes = new[] { "booking.confirmed" }, organizationId = o.Id });
        }),
        R("GET /api/v1/webhooks", Cpt, "A AA FFF AAA FFF FFF U", async (w, _) => new Target((await w.SharedWebhookAsync()).Org, "/api/v1/webhooks")),
        R("GET /api/v1/webhooks/{id}", Cpt, "A NN FFF ANN FFF FFF U", async (w, _) => { var (o, h, _) = await w.SharedWebhookAsync(); return new Target(o, $"/api/v1/webhooks/{h}"); }),
        R("PATCH /api/v1/webhooks/{id}", Cpt, "A NN FFF ANN FFF FFF U", async (w, _) => { var (o, h, _) = await w.WebhookAsync(); return new Target(o, $"/api/v1/webhooks/{h}", new { description = "Portail" }); }),
        R("DELETE /api/v1/webhooks/{id}", Cpt, "A NN FFF ANN FFF FFF U", async (w, _) => { var (o, h, _) = await w.WebhookAsync(); return new Target(o, $"/api/v1/webhooks/{h}"); }),
        R("POST /api/v1/webhooks/{id}/rotate-secret", Cpt, "A NN FFF ANN FFF FFF U", async (w, _) => { var (o, h, _) = await w.WebhookAsync(); return new Target(o, $"/api/v1/webhooks/{h}/rotate-secret"); }),
        R("GET /api/v1/webhooks/{id}/deliveries", Cpt, "A NN FFF ANN FFF FFF U", async (w, _) => { var (o, h, _) = await w.SharedWebhookAsync(); return new Target(o, $"/api/v1/webhooks/{h}/deliveries"); }),
        R("POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver", Cpt, "A NN FFF ANN FFF FFF U", async (w, _) =>
        {
            var (o, h, d) = await w.WebhookAsync();
            return new Target(o, $"/api/v1/webhooks/{h}/deliveries/{d}/redeliver");
        }),
        R("POST /api/v1/webhooks/{id}/test", Cpt, "A NN FFF ANN FFF FFF U", async (w, _) => { var (o, h, _) = await w.WebhookAsync(); return new Target(o, $"/api/v1/webhooks/{h}/test"); }),

        // Ticketing (the Billetterie solidaire of Culture pour tous).
        R("POST /api/v1/offers", Cpt, "A AF FFF FFF AFF FFF U", async (w, _) =>
        {
            var o = await w.OrgAsync(Cpt, "cultural-institution");
            return new Target(o, "/api/v1/offers", World.Offer(o.Id));
        }),
        R("GET /api/v1/offers", Cpt, "A AA AAA AAA AAA AAA U", async (w, _) => new Target(await w.SharedCptAsync(), "/api/v1/offers")),
        R("GET /api/v1/offers/{id}", Cpt, "A AA AAA AAA AAA AAA U", async (w, _) => { var (o, offer, _) = await w.SharedOfferAsync(); return new Target(o, $"/api/v1/offers/{offer}"); }),
        R("PATCH /api/v1/offers/{id}/sessions/{sessionId}", Cpt, "A AF FFF FFF AFF FFF U", async (w, _) =>
        {
            var (o, offer, session) = await w.OfferAsync();
            return new Target(o, $"/api/v1/offers/{offer}/sessions/{session}", new { seats = 40 });
        }),
        R("POST /api/v1/offers/{id}/sessions/{sessionId}/cancel", Cpt, "A AF FFF FFF AFF FFF U", async (w, _) =>
        {
            var (o, offer, session) = await w.OfferAsync();
            return new Target(o, $"/api/v1/offers/{offer}/sessions/{session}/cancel", new { reason = "Comédien souffrant" });
        }),
        R("POST /api/v1/beneficiaries", Cpt, "F FF AAA AAA FFF FFF U", async (w, _) => new Target(await w.SharedCptAsync(), "/api/v1/beneficiaries", new { displayName = "Actionneur" })),
        R("GET /api/v1/beneficiaries", Cpt, "F FF AAA AAA FFF FFF U", async (w, _) => new Target(await w.SharedCptAsync(), "/api/v1/beneficiaries")),
        R("GET /api/v1/beneficiaries/{id}/export", Cpt, "F FF ANN ANN FFF FFF U", async (w, _) =>
        {
            var o = await w.SharedCptAsync();
            var beneficiary = (await w.Expect(o.Key("booker").PostJsonAsync("/api/v1/beneficiaries", new { displayName = "Actionneur exporté" }), HttpStatusCode.Created)).Str("id");
            return new Target(o, $"/api/v1/beneficiaries/{beneficiary}/export");
        }),
        R("DELETE /api/v1/beneficiaries/{id}", Cpt, "F FF ANN ANN FFF FFF U", async (w, _) =>
        {
            var o = await w.SharedCptAsync();
            var beneficiary = (await w.Expect(o.Key("booker").PostJsonAsync("/api/v1/beneficiaries", new { displayName = "Actionneur effacé" }), HttpStatusCode.Created)).Str("id");
            return new Target(o, $"/api/v1/beneficiaries/{beneficiary}");
        }),
        R("GET /api/v1/personal-data-access", Cpt, "A AA FFF AAA FFF FFF U", async (w, _) => new Target(await w.SharedCptAsync(), "/api/v1/personal-data-access")),
        R("POST /api/v1/bookings", Cpt, "F FF ACC FFF FFF FFF U", async (w, _) =>
        {
            var (o, _) = await w.ActiveAsync(Cpt);
            var beneficiary = (await w.Expect(o.Key("booker").PostJsonAsync("/api/v1/beneficiaries", new { displayName = "Actionneur" }), HttpStatusCode.Created)).Str("id");
            var (_, _, session) = await w.SharedOfferAsync();
            return new Target(o, "/api/v1/bookings", new { sessionId = session, beneficiaryId = beneficiary, guests = Array.Empty<object>(), companions = Array.Empty<object>() });
        }),
        // The door: the session's publisher (and the operator). The session is weeks away, so those who pass the access
        // checks meet the check-in window (409 check_in.outside_window); the counts answer at once.
        R("POST /api/v1/sessions/{id}/check-ins", Cpt, "C CF FFF FFF CFF FFF U", async (w, _) =>
        {
            var (o, _, session) = await w.SharedOfferAsync();
            return new Target(o, $"/api/v1/sessions/{session}/check-ins", new { code = "ABCD-2345" });
        }),
        R("GET /api/v1/sessions/{id}/check-ins", Cpt, "A AF FFF FFF AFF FFF U", async (w, _) =>
        {
            var (o, _, session) = await w.SharedOfferAsync();
            return new Target(o, $"/api/v1/sessions/{session}/check-ins");
        }),
        // Les écrieurs: public reading; structures submit for their own outings (the shared session is to come, so a
        // structure's own booking meets 409 writing.not_after_outing); the operators of Culture pour tous moderate.
        R("GET /api/v1/ecrieurs", Cpt, "A AA AAA AAA AAA AAA A", async (w, _) => new Target(await w.SharedCptAsync(), "/api/v1/ecrieurs")),
        R("POST /api/v1/ecrieurs", Cpt, "F FF CFF CFF FFF FFF U", async (w, _) =>
        {
            var b = await w.SharedBookingAsync();
            return new Target(b.Owner, "/api/v1/ecrieurs", new { bookingId = b.Id, text = "Une très belle soirée au théâtre, merci.", consent = true });
        }),
        R("GET /api/v1/ecrieurs/submissions", Cpt, "A AA AAA AAA FFF FFF U", async (w, _) => new Target(await w.SharedCptAsync(), "/api/v1/ecrieurs/submissions")),
        R("POST /api/v1/ecrieurs/{id}/publication", Cpt, "N NF FFF FFF FFF FFF U", async (w, _) =>
            new Target(await w.SharedCptAsync(), $"/api/v1/ecrieurs/{Guid.Empty}/publication")),
        R("POST /api/v1/ecrieurs/{id}/rejection", Cpt, "N NF FFF FFF FFF FFF U", async (w, _) =>
            new Target(await w.SharedCptAsync(), $"/api/v1/ecrieurs/{Guid.Empty}/rejection", new { reason = "Hors sujet." })),
        R("POST /api/v1/ecrieurs/{id}/withdrawal", Cpt, "N NF FFF FFF FFF FFF U", async (w, _) =>
            new Target(await w.SharedCptAsync(), $"/api/v1/ecrieurs/{Guid.Empty}/withdrawal", new { reason = "Hors sujet." })),
        R("GET /api/v1/bookings", Cpt, "F FF AAA AAA FFF FFF U", async (w, _) => new Target(await w.SharedCptAsync(), "/api/v1/bookings")),
        R("GET /api/v1/bookings/{id}", Cpt, "F FF AFF AFF FFF FFF U", async (w, _) => { var b = await w.SharedBookingAsync(); return new Target(b.Owner, $"/api/v1/bookings/{b.Id}"); }),
        R("POST /api/v1/bookings/{id}/cancel", Cpt, "F FF AFF AFF FFF FFF U", async (w, _) => { var b = await w.BookingAsync(); return new Target(b.Owner, $"/api/v1/bookings/{b.Id}/cancel"); }),
        R("POST /api/v1/bookings/{id}/invitations/{invitationId}/cancel", Cpt, "F FF AFF AFF FFF FFF U", async (w, _) =>
        {
            var b = await w.BookingAsync();
            return new Target(b.Owner, $"/api/v1/bookings/{b.Id}/invitations/{b.GuestInvitation}/cancel");
        }),
        R("PATCH /api/v1/bookings/{id}/invitations/{invitationId}", Cpt, "F FF RFF RFF FFF FFF U", async (w, _) =>
        {
            var b = await w.SharedBookingAsync();
            return new Target(b.Owner, $"/api/v1/bookings/{b.Id}/invitations/{b.GuestInvitation}", new { holderName = "Quelqu'un d'autre" });
        }),
        R("POST /api/v1/bookings/{id}/attendance", Cpt, "F FF CFF CFF FFF FFF U", async (w, _) =>
        {
            // Before the session: the booking's staff pass their access check and meet 409 session.not_started.
            var b = await w.SharedBookingAsync();
            return new Target(b.Owner, $"/api/v1/bookings/{b.Id}/attendance", new { invitations = new[] { new { invitationId = b.GuestInvitation, attended = true } }, comment = "RAS" });
        }),
        R("GET /api/v1/invitations/{id}/document", Cpt, "F FF AFF AFF FFF FFF U", async (w, _) => { var b = await w.SharedBookingAsync(); return new Target(b.Owner, $"/api/v1/invitations/{b.GuestInvitation}/document"); }),
        R("GET /api/v1/organizations/{id}/dashboard", Cpt, "A AF AFF AFF FFF FFF U", async (w, _) => { var (o, _) = await w.SharedCptConventionAsync(); return new Target(o, $"/api/v1/organizations/{o.Id}/dashboard"); }),
        R("GET /api/v1/reports/unused-invitations", Cpt, "A AF FFF FFF FFF FFF U", async (w, _) => new Target(await w.SharedCptAsync(), "/api/v1/reports/unused-invitations")),

        // Scheduling (La Ruche Numérique's premises).
        R("POST /api/v1/venues", Ruche, "A AF FFF FFF FFF FFF U", async (w, _) =>
            new Target(await w.SharedRucheAsync(), "/api/v1/venues", new { name = "Annexe", operatorOrganizationId = w.OperatorId(Ruche), address = new { line1 = "Rue", postalCode = "30200", city = "Bagnols-sur-Cèze" } })),
        R("GET /api/v1/venues/{id}", Ruche, "A AF AAF AAF AAF FFF U", async (w, _) => new Target(await w.SharedRucheAsync(), $"/api/v1/venues/{await w.VenueAsync()}")),
        R("POST /api/v1/venues/{id}/rooms", Ruche, "A AF FFF FFF FFF FFF U", async (w, _) =>
            new Target(await w.SharedRucheAsync(), $"/api/v1/venues/{await w.VenueAsync()}/rooms", new { name = "Salle", kind = "room", capacity = 10, hasInternet = true })),
        R("POST /api/v1/venues/{id}/closures", Ruche, "A AF FFF FFF FFF FFF U", async (w, _) =>
            new Target(await w.SharedRucheAsync(), $"/api/v1/venues/{await w.VenueAsync()}/closures", new { from = "2028-08-01", to = "2028-08-02", reason = "Travaux" })),
        R("PUT /api/v1/venues/{id}/opening-hours", Ruche, "A AF FFF FFF FFF FFF U", async (w, _) =>
            new Target(await w.SharedRucheAsync(), $"/api/v1/venues/{await w.VenueAsync()}/opening-hours", new { hours = Array.Empty<object>() })),
        R("POST /api/v1/venues/{id}/internal-rules", Ruche, "A AF FFF FFF FFF FFF U", async (w, _) =>
            new Target(await w.SharedRucheAsync(), $"/api/v1/venues/{await w.VenueAsync()}/internal-rules", new { title = "Règlement intérieur", text = "Article 1 – Accès." })),
        R("GET /api/v1/venues/{id}/internal-rules", Ruche, "A AF AAF AAF AAF FFF U", async (w, _) =>
        {
            var venue = await w.VenueAsync();
            await w.Expect(w.Op(Ruche).PostJsonAsync($"/api/v1/venues/{venue}/internal-rules", new { title = "Règlement intérieur", text = "Article 1 – Accès." }), HttpStatusCode.Created);
            return new Target(await w.SharedRucheAsync(), $"/api/v1/venues/{venue}/internal-rules");
        }),
        // The partner acknowledges for itself, under its own premises convention: a venue of its own per target, so that no
        // other caller's publication supersedes the version it acknowledges.
        R("POST /api/v1/venues/{id}/internal-rules/acknowledgments", Ruche, "F FF FFF AFF FFF FFF U", async (w, _) =>
        {
            var (org, id) = await w.ActiveAsync(Ruche);
            var venue = (await w.Expect(w.Op(Ruche).PostJsonAsync("/api/v1/venues", new { name = "Annexe", operatorOrganizationId = w.OperatorId(Ruche), address = new { line1 = "Rue", postalCode = "30200", city = "Bagnols-sur-Cèze" } }),
                HttpStatusCode.Created)).Str("id");
            await w.Expect(w.Op(Ruche).PostJsonAsync($"/api/v1/venues/{venue}/internal-rules", new { title = "Règlement intérieur", text = "Article 1 – Accès." }), HttpStatusCode.Created);
            return new Target(org, $"/api/v1/venues/{venue}/internal-rules/acknowledgments", new { conventionId = id, version = 1, acknowledgedBy = "La présidente" });
        }),
        R("POST /api/v1/venues/{id}/visits", Ruche, "A AF FFF FFF FFF FFF U", async (w, _) =>
            new Target(await w.SharedRucheAsync(), $"/api/v1/venues/{await w.VenueAsync()}/visits", new { on = "2026-11-20", category = "walk-in", count = 3 })),
        R("GET /api/v1/venues/{id}/statistics", Ruche, "A AF AAF AAF AAF FFF U", async (w, _) => new Target(await w.SharedRucheAsync(), $"/api/v1/venues/{await w.VenueAsync()}/statistics?year=2026")),
        R("GET /api/v1/venues/{id}/calendar", Ruche, "A AF AAF AAF AAF FFF U", async (w, _) => new Target(await w.SharedRucheAsync(), $"/api/v1/venues/{await w.VenueAsync()}/calendar")),
        R("POST /api/v1/permanences/{id}/approval", Ruche, "A AF FFF FFF FFF FFF U", async (w, _) =>
        {
            var (o, c) = await w.ActiveAsync(Ruche);
            var proposed = await w.Expect(o.Key("partner").PostJsonAsync("/api/v1/permanences", World.Permanence(c, await w.RoomAsync())), HttpStatusCode.Created);
            return new Target(o, $"/api/v1/permanences/{proposed.Str("id")}/approval");
        }),
        R("POST /api/v1/permanences/{id}/refusal", Ruche, "A AF FFF FFF FFF FFF U", async (w, _) =>
        {
            var (o, c) = await w.ActiveAsync(Ruche);
            var proposed = await w.Expect(o.Key("partner").PostJsonAsync("/api/v1/permanences", World.Permanence(c, await w.RoomAsync())), HttpStatusCode.Created);
            return new Target(o, $"/api/v1/permanences/{proposed.Str("id")}/refusal", new { reason = "Salle réservée aux ateliers." });
        }),
        R("POST /api/v1/permanences", Ruche, "A AF FFF AFF FFF FFF U", async (w, _) =>
        {
            var (o, c) = await w.ActiveAsync(Ruche);
            return new Target(o, "/api/v1/permanences", World.Permanence(c, await w.RoomAsync()));
        }),
        R("POST /api/v1/rooms/{id}/reservations", Ruche, "A AF FFF AFF FFF FFF U", async (w, _) =>
        {
            var (o, c) = await w.ActiveAsync(Ruche);
            return new Target(o, $"/api/v1/rooms/{await w.RoomAsync()}/reservations", new { conventionId = c, startsAt = "2027-01-14T10:00:00+01:00", endsAt = "2027-01-14T11:00:00+01:00", purpose = "Rendez-vous" });
        }),
        R("POST /api/v1/occurrences/{id}/cancel", Ruche, "A AF FFF AFF FFF FFF U", async (w, _) =>
        {
            var (o, occurrence) = await w.OccurrenceAsync();
            return new Target(o, $"/api/v1/occurrences/{occurrence}/cancel", new { reason = "Intervenant absent" });
        }),
        R("POST /api/v1/occurrences/{id}/appointments", Ruche, "A AF FFF AFF FFF FFF U", async (w, _) =>
        {
            var (o, occurrence) = await w.OccurrenceAsync();
            return new Target(o, $"/api/v1/occurrences/{occurrence}/appointments", new { personName = "Amina", topic = "Retraite", referredByVenue = true });
        }),
        R("GET /api/v1/appointments/{id}/export", Ruche, "A AF FFF AFF FFF FFF U", async (w, _) =>
        {
            var (o, occurrence) = await w.OccurrenceAsync();
            var appointment = (await w.Expect(w.Op(Ruche).PostJsonAsync($"/api/v1/occurrences/{occurrence}/appointments", new { personName = "Amina", topic = "Retraite", referredByVenue = true }), HttpStatusCode.Created)).Str("id");
            return new Target(o, $"/api/v1/appointments/{appointment}/export");
        }),
        R("DELETE /api/v1/appointments/{id}", Ruche, "A AF FFF AFF FFF FFF U", async (w, _) =>
        {
            var (o, occurrence) = await w.OccurrenceAsync();
            var appointment = (await w.Expect(w.Op(Ruche).PostJsonAsync($"/api/v1/occurrences/{occurrence}/appointments", new { personName = "Amina", topic = "Retraite", referredByVenue = true }), HttpStatusCode.Created)).Str("id");
            await w.Expect(w.Op(Ruche).PostJsonAsync($"/api/v1/occurrences/{occurrence}/cancel", new { reason = "Intervenant absent" }), HttpStatusCode.OK);
            return new Target(o, $"/api/v1/appointments/{appointment}");
        }),
    ];

    public static TheoryData<string> Routes()
    {
        var data = new TheoryData<string>();
        foreach (var row in Rows)
        {
            data.Add(row.Route);
        }
        return data;
    }

    [Fact]
    public void Every_route_of_the_contract_has_its_row()
    {
        var path = Path.Combine(Repository.Root, "docs", "openapi.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var routes = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet(StringComparer.Ordinal);
        var rows = Rows.Select(r => r.Route).ToList();

        Assert.Empty(routes.Except(rows).Order(StringComparer.Ordinal));
        Assert.Empty(rows.Except(routes).Order(StringComparer.Ordinal));
        Assert.Equal(rows.Count, rows.Distinct(StringComparer.Ordinal).Count());
        Assert.All(Rows, r => Assert.Equal(Callers.Length, r.Expected.Replace(" ", string.Empty, StringComparison.Ordinal).Length));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Each_caller_gets_what_the_policy_says(string route)
    {
        var row = Rows.Single(r => r.Route == route);
        var method = new HttpMethod(route[..route.IndexOf(' ', StringComparison.Ordinal)]);
        var expected = row.Expected.Replace(" ", string.Empty, StringComparison.Ordinal);
        Target? shared = null;
        var mismatches = new List<string>();
        for (var i = 0; i < Callers.Length; i++)
        {
            var caller = new Caller(Callers[i]);
            // A call expected to succeed acts on a target of its own; the others share one.
            var target = expected[i] is 'A' or 'C' or 'R' || method == HttpMethod.Get
                ? await row.Build(world, caller)
                : shared ??= await row.Build(world, caller);
            var client = world.ClientFor(caller.Name, target.Owner, row.Program);
            using var request = new HttpRequestMessage(method, target.Url);
            if (target.Body is RawBody raw)
            {
                request.Content = new ByteArrayContent(raw.Content);
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(raw.ContentType);
            }
            else if (target.Body is not null)
            {
                request.Content = new StringContent(JsonSerializer.Serialize(target.Body), Encoding.UTF8, "application/json");
            }
            var response = await client.SendAsync(request);
            var actual = Outcome(response.StatusCode);
            if (actual != expected[i])
            {
                mismatches.Add($"{caller.Name}: expected {expected[i]}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
        Assert.True(mismatches.Count == 0, $"{route}\n" + string.Join("\n", mismatches));
    }

    private static char Outcome(HttpStatusCode status) => (int)status switch
    {
        >= 200 and < 300 => 'A',
        401 => 'U',
        403 => 'F',
        404 => 'N',
        409 => 'C',
        422 => 'R',
        var other => (char)('0' + other / 100),
    };

    /// <summary>An organization with a key of each partner role.</summary>
    public sealed class Org(string id, string program, IReadOnlyDictionary<string, HttpClient> keys)
    {
        public string Id { get; } = id;

        public string Program { get; } = program;

        public HttpClient Key(string role) => keys[role];
    }

    public sealed record BookingTarget(Org Owner, string Id, string GuestInvitation);

    /// <summary>Both programs with their operators, and the organizations the callers belong to.</summary>
    public sealed class World : ConventionsFactory, IAsyncLifetime
    {
        private static readonly string[] PartnerRoles = ["booker", "partner", "publisher", "visitor"];
        private readonly Dictionary<string, (string Id, HttpClient Client)> _operators = [];
        private readonly Dictionary<string, Org> _peers = [];
        private readonly Dictionary<string, object> _shared = [];
        private int _counter;

        public HttpClient AdminClient { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            AdminClient = Admin();
            foreach (var (program, name) in new[] { (Cpt, "ALLIES – Culture pour tous"), (Ruche, "Ville de Bagnols-sur-Cèze") })
            {
                var id = await AdminClient.CreateOrganizationAsync(name, "association");
                await AdminClient.MakeOperatorAsync(program, id);
                await AdminClient.AddContactAsync(id, "Référente opérateur", $"operateur@{program}.example", "referent");
                await AdminClient.AddSignatoryAsync(id, program == Cpt ? "Anne Sophie CONDEMINE" : "Jean-Yves CHAPELET", program == Cpt ? "Présidente" : "Maire");
                var (_, key) = await AdminClient.IssueKeyAsync(id, "operator-admin");
                _operators[program] = (id, Client(key));
            }
            _peers[Cpt] = await OrgAsync(Cpt);
            _peers[Ruche] = await OrgAsync(Ruche);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

        public HttpClient Op(string program) => _operators[program].Client;

        public string OperatorId(string program) => _operators[program].Id;

        private static string Other(string program) => program == Cpt ? Ruche : Cpt;

        public HttpClient ClientFor(string caller, Org owner, string program)
        {
            program = owner.Program == program ? program : owner.Program;
            var (role, scope) = caller.Contains(':', StringComparison.Ordinal) ? (caller[..caller.IndexOf(':', StringComparison.Ordinal)], caller[(caller.IndexOf(':', StringComparison.Ordinal) + 1)..]) : (caller, "");
            return (role, scope) switch
            {
                ("admin", _) => AdminClient,
                ("anonymous", _) => Client(),
                ("operator", "own-program") => Op(program),
                ("operator", _) => Op(Other(program)),
                (_, "own") => owner.Key(role),
                (_, "same-program") => _peers[program].Key(role),
                _ => _peers[Other(program)].Key(role),
            };
        }

        public async Task<JsonElement> Expect(Task<HttpResponseMessage> call, HttpStatusCode status) => await call.ExpectAsync(status);

        /// <summary>A new organization of the program, with a referent and a key of each partner role.</summary>
        public async Task<Org> OrgAsync(string program, string kind = "social-service")
        {
            var n = Interlocked.Increment(ref _counter);
            var id = await AdminClient.CreateOrganizationAsync($"Structure {program} {n}", kind);
            await AdminClient.JoinProgramAsync(program, id);
            await AdminClient.AddContactAsync(id, $"Référent {n}", $"referent{n}@structure.example", "referent");
            await AdminClient.AddSignatoryAsync(id, "Claire MARTIN", "Directrice");
            var keys = new Dictionary<string, HttpClient>();
            foreach (var role in PartnerRoles)
            {
                var (_, key) = await AdminClient.IssueKeyAsync(id, role);
                keys[role] = Client(key);
            }
            return new Org(id, program, keys);
        }

        private async Task<T> Shared<T>(string name, Func<Task<T>> build) where T : notnull
        {
            if (!_shared.TryGetValue(name, out var value))
            {
                value = await build();
                _shared[name] = value;
            }
            return (T)value;
        }

        public Task<Org> SharedCptAsync() => Shared("cpt", () => OrgAsync(Cpt));

        public static object SeasonEvent => new
        {
            program = Cpt, kind = "training", title = "Formation à la billetterie", startsAt = "2027-06-15T14:00:00+02:00", place = "Lyon", capacity = 50,
        };

        public object MediationProposal() => new
        {
            program = Cpt, kind = "mediation", title = "Atelier d'écriture", startsAt = "2027-06-20T18:00:00+02:00", place = "Lyon", capacity = 15,
            operatorOrganizationId = OperatorId(Cpt),
        };

        public Task<string> SharedSeasonEventAsync() => Shared("season-event", async () =>
            (await Expect(Op(Cpt).PostJsonAsync("/api/v1/season-events", SeasonEvent), HttpStatusCode.Created)).Str("id"));

        public Task<Org> SharedRucheAsync() => Shared("ruche", () => OrgAsync(Ruche));

        public object CultureDraft(Org org) => new
        {
            templateKey = "culture-pour-tous/social-partner", operatorOrganizationId = OperatorId(Cpt), partnerOrganizationId = org.Id,
            startsOn = "2026-10-01", endsOn = "2027-09-30", place = "Lyon",
            operatorSignatory = new { fullName = "Anne Sophie CONDEMINE", title = "Présidente" },
            partnerSignatory = new { fullName = "Claire MARTIN", title = "Directrice" },
        };

        private object RucheDraft(Org org) => new
        {
            templateKey = "ruche-numerique/premises", operatorOrganizationId = OperatorId(Ruche), partnerOrganizationId = org.Id,
            startsOn = "2026-01-01", endsOn = "2026-12-31", place = "Bagnols-sur-Cèze",
            operatorSignatory = new { fullName = "Jean-Yves CHAPELET", title = "Maire" },
            partnerSignatory = new { fullName = "Claire MARTIN", title = "Directrice" },
        };

        public static object Signature(string party) => party == "operator"
            ? new { party, signatoryName = "Anne Sophie CONDEMINE", signatoryTitle = "Présidente", place = "Lyon" }
            : new { party, signatoryName = "Claire MARTIN", signatoryTitle = "Directrice", place = "Lyon" };

        public static readonly object Amendment = new { summary = "Prolongation.", changes = new { endsOn = "2027-12-31" } };

        public async Task<(Org Org, string Id)> DraftAsync(string program)
        {
            var org = await OrgAsync(program);
            var id = (await Expect(Op(program).PostJsonAsync("/api/v1/conventions", program == Cpt ? CultureDraft(org) : RucheDraft(org)), HttpStatusCode.Created)).Str("id");
            return (org, id);
        }

        /// <summary>A new partner of the program with an active convention, signed by both parties.</summary>
        public async Task<(Org Org, string Id)> ActiveAsync(string program)
        {
            var (org, id) = await DraftAsync(program);
            var op = Op(program);
            await Expect(op.PostAsync($"/api/v1/conventions/{id}/send-for-signature", null), HttpStatusCode.OK);
            var (operatorName, operatorTitle) = program == Cpt ? ("Anne Sophie CONDEMINE", "Présidente") : ("Jean-Yves CHAPELET", "Maire");
            await Expect(op.PostJsonAsync($"/api/v1/conventions/{id}/signatures", new { party = "operator", signatoryName = operatorName, signatoryTitle = operatorTitle, place = "Lyon" }), HttpStatusCode.Created);
            await Expect(org.Key("partner").PostJsonAsync($"/api/v1/conventions/{id}/signatures", Signature("partner")), HttpStatusCode.Created);
            if (program == Ruche)
            {
                // The committee renewed 2026 into 2027, whose semesters the permanence rows use (issue 18: a slot falls
                // within the period, or the next one once renewal is decided).
                var committee = (await Expect(op.PostJsonAsync($"/api/v1/conventions/{id}/committees", new { meetsOn = "2026-11-23" }), HttpStatusCode.Created)).Str("id");
                await Expect(op.PostJsonAsync($"/api/v1/conventions/{id}/committees/{committee}/decision", new { renew = true, minutes = "Reconduction." }), HttpStatusCode.OK);
            }
            return (org, id);
        }

        /// <summary>An organization of Culture pour tous with a logo, shared by the rows that only read it.</summary>
        public Task<Org> OrgWithLogoAsync() => Shared("logo", async () =>
        {
            var o = await OrgAsync(Cpt);
            using var logo = new ByteArrayContent(Png);
            logo.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
            await Expect(AdminClient.PutAsync($"/api/v1/organizations/{o.Id}/logo", logo), HttpStatusCode.OK);
            return o;
        });

        public Task<(Org Org, string Id)> SharedCptConventionAsync() => Shared("cpt-convention", () => ActiveAsync(Cpt));

        public Task<(Org Org, string Convention, string Amendment)> SharedAmendmentAsync() => Shared("amendment", async () =>
        {
            var (org, id) = await ActiveAsync(Cpt);
            var amendment = (await Expect(Op(Cpt).PostJsonAsync($"/api/v1/conventions/{id}/amendments", Amendment), HttpStatusCode.Created)).Str("id");
            return (org, id, amendment);
        });

        public static object OpenDispute(string conventionId, string raisedBy) => new
        {
            conventionId, raisedBy, kind = "breach", grounds = "Grand nombre de réservations inutilisées.",
            notice = new { channel = "simple-letter", sentOn = (string?)null, notifiedOn = "2026-11-23" },
        };

        public async Task<(Org Org, string Id)> DisputeAsync(string program)
        {
            var (org, convention) = await ActiveAsync(program);
            var id = (await Expect(Op(program).PostJsonAsync("/api/v1/disputes", OpenDispute(convention, "operator")), HttpStatusCode.Created)).Str("id");
            return (org, id);
        }

        public Task<(Org Org, string Id)> SharedDisputeAsync() => Shared("dispute", () => DisputeAsync(Cpt));

        /// <summary>A webhook of a new organization, registered by the platform admin, with one delivery (a test ping).</summary>
        public async Task<(Org Org, string Webhook, string Delivery)> WebhookAsync()
        {
            var org = await OrgAsync(Cpt);
            var webhook = await Expect(AdminClient.PostJsonAsync("/api/v1/webhooks", new { url = "https://portail.example.org/hooks", eventTypes = new[] { "notice.created" }, organizationId = org.Id }), HttpStatusCode.Created);
            var id = webhook.GetProperty("webhook").Str("id");
            var ping = await Expect(AdminClient.PostAsync($"/api/v1/webhooks/{id}/test", null), HttpStatusCode.Accepted);
            return (org, id, ping.Str("id"));
        }

        public Task<(Org Org, string Webhook, string Delivery)> SharedWebhookAsync() => Shared("webhook", WebhookAsync);

        public Task<(Org Org, string Id)> SharedDonationAsync() => Shared("donation", async () =>
        {
            var org = await OrgAsync(Cpt);
            var id = (await Expect(Op(Cpt).PostJsonAsync($"/api/v1/organizations/{org.Id}/donations", new { amount = 20m, receivedOn = "2026-11-20", method = "cash" }), HttpStatusCode.Created)).Str("id");
            return (org, id);
        });

        /// <summary>A notice addressed to the partner of an active convention (its activation letter).</summary>
        public Task<(Org Org, string Id)> SharedNoticeAsync() => Shared("notice", async () =>
        {
            var (org, _) = await SharedCptConventionAsync();
            await RunJobAsync("outbox");
            var notices = await Expect(org.Key("partner").GetAsync("/api/v1/notices"), HttpStatusCode.OK);
            return (org, notices.GetProperty("items")[0].Str("id"));
        });

        public static object Offer(string publisherId) => new
        {
            publisherOrganizationId = publisherId, title = "Le Malade imaginaire", category = "show", venueName = "Théâtre", city = "Lyon",
            description = "Comédie-ballet.", sessions = new[] { new { startsAt = "2026-12-20T20:30:00+01:00", seats = 1000 } },
        };

        public async Task<(Org Org, string Offer, string Session)> OfferAsync()
        {
            var org = await OrgAsync(Cpt, "cultural-institution");
            var offer = await Expect(org.Key("publisher").PostJsonAsync("/api/v1/offers", Offer(org.Id)), HttpStatusCode.Created);
            return (org, offer.Str("id"), offer.GetProperty("sessions")[0].Str("id"));
        }

        public Task<(Org Org, string Offer, string Session)> SharedOfferAsync() => Shared("offer", OfferAsync);

        public async Task<BookingTarget> BookingAsync()
        {
            var (org, _) = await ActiveAsync(Cpt);
            var (_, _, session) = await SharedOfferAsync();
            var booker = org.Key("booker");
            var beneficiary = (await Expect(booker.PostJsonAsync("/api/v1/beneficiaries", new { displayName = "Actionneur" }), HttpStatusCode.Created)).Str("id");
            var booking = await Expect(booker.PostJsonAsync("/api/v1/bookings", new
            {
                sessionId = session, beneficiaryId = beneficiary,
                guests = new[] { new { fullName = "Invitée", relation = "family" } }, companions = Array.Empty<object>(),
            }), HttpStatusCode.Created);
            var guest = booking.GetProperty("invitations").EnumerateArray().First(i => i.Str("role") == "guest").Str("id");
            return new BookingTarget(org, booking.Str("id"), guest);
        }

        public Task<BookingTarget> SharedBookingAsync() => Shared("booking", BookingAsync);

        public Task<string> VenueAsync() => Shared("venue", async () =>
            (await Expect(Op(Ruche).PostJsonAsync("/api/v1/venues", new { name = "La Ruche Numérique", operatorOrganizationId = OperatorId(Ruche), address = new { line1 = "Tiers-lieu", postalCode = "30200", city = "Bagnols-sur-Cèze" } }), HttpStatusCode.Created)).Str("id"));

        /// <summary>A new room, so that no two calls conflict.</summary>
        public async Task<string> RoomAsync() =>
            (await Expect(Op(Ruche).PostJsonAsync($"/api/v1/venues/{await VenueAsync()}/rooms", new { name = $"Salle {Interlocked.Increment(ref _counter)}", kind = "office", capacity = 3, hasInternet = true }), HttpStatusCode.Created)).Str("id");

        public static object Permanence(string conventionId, string roomId) => new
        {
            conventionId, roomId, semester = "2027-S1", dayOfWeek = "thursday", startTime = "14:00", endTime = "17:00",
            activity = "residence-permit", intervenant = "Conseiller numérique", capacity = 2,
        };

        public async Task<(Org Org, string Occurrence)> OccurrenceAsync()
        {
            var (org, convention) = await ActiveAsync(Ruche);
            var proposed = await Expect(org.Key("partner").PostJsonAsync("/api/v1/permanences", Permanence(convention, await RoomAsync())), HttpStatusCode.Created);
            var permanence = await Expect(Op(Ruche).PostAsync($"/api/v1/permanences/{proposed.Str("id")}/approval", null), HttpStatusCode.OK);
            return (org, permanence.GetProperty("occurrences")[0].Str("id"));
        }

        public async Task<string> PlatformKeyAsync() =>
            (await Expect(AdminClient.PostJsonAsync("/api/v1/platform/credentials", new { label = "Clé de test" }), HttpStatusCode.Created)).Str("id");
    }
}
