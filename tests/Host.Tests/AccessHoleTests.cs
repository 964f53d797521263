using System.Net;
using System.Text.Json;
using Conventions.Testing;

namespace Host.Tests;

/// <summary>
/// The holes an outside review found (issue 14), each reproduced through the HTTP API as a hostile partner would try it.
/// Each of these failed on the main branch before programs and party scopes existed. The setup asks for programs
/// without asserting, so that on a main without them the test fails on the hole itself, not on its setup.
/// </summary>
public sealed class AccessHoleTests : IAsyncLifetime
{
    private readonly ConventionsFactory _factory = new();
    private HttpClient _admin = null!;
    private string _allies = string.Empty;
    private string _town = string.Empty;
    private HttpClient _alliesOperator = null!;
    private HttpClient _townOperator = null!;

    public async Task InitializeAsync()
    {
        _admin = _factory.Admin();
        (_allies, _alliesOperator) = await OperatorAsync("ALLIES – Culture pour tous", "culture-pour-tous");
        (_town, _townOperator) = await OperatorAsync("Ville de Bagnols-sur-Cèze", "ruche-numerique");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<(string Id, HttpClient Client)> OperatorAsync(string name, string program)
    {
        var id = await _admin.CreateOrganizationAsync(name, "association");
        await _admin.PostJsonAsync($"/api/v1/programs/{program}/operators", new { organizationId = id });
        await _admin.AddContactAsync(id, "Référente", $"referente@{program}.example", "referent");
        await _admin.AddSignatoryAsync(id, program == "culture-pour-tous" ? "Anne Sophie CONDEMINE" : "Jean-Yves CHAPELET", program == "culture-pour-tous" ? "Présidente" : "Maire");
        var (_, key) = await _admin.IssueKeyAsync(id, "operator-admin", "2029-11-01");
        return (id, _factory.Client(key));
    }

    /// <summary>A partner the operator registers (it joins the operator's program), with a referent and a key of the role.</summary>
    private async Task<(string Id, HttpClient Client)> PartnerAsync(HttpClient @operator, string name, string role, string kind = "social-service")
    {
        var id = await @operator.CreateOrganizationAsync(name, kind);
        await @operator.AddContactAsync(id, $"Référent {name}", $"referent@{name.Replace(' ', '-').ToLowerInvariant()}.example", "referent");
        await @operator.AddSignatoryAsync(id, "Claire MARTIN", "Directrice");
        var (_, key) = await @operator.IssueKeyAsync(id, role, "2029-11-01");
        return (id, _factory.Client(key));
    }

    private async Task<string> ActiveCultureConventionAsync(string partnerId, HttpClient partner)
    {
        var id = (await _alliesOperator.PostJsonAsync("/api/v1/conventions", new
        {
            templateKey = "culture-pour-tous/social-partner", operatorOrganizationId = _allies, partnerOrganizationId = partnerId,
            startsOn = "2026-10-01", endsOn = "2027-09-30", place = "Lyon",
            operatorSignatory = new { fullName = "Anne Sophie CONDEMINE", title = "Présidente" },
            partnerSignatory = new { fullName = "Claire MARTIN", title = "Directrice" },
        }).ExpectAsync(HttpStatusCode.Created)).Str("id");
        await _alliesOperator.PostAsync($"/api/v1/conventions/{id}/send-for-signature", null).ExpectAsync(HttpStatusCode.OK);
        await _alliesOperator.PostJsonAsync($"/api/v1/conventions/{id}/signatures", new { party = "operator", signatoryName = "Anne Sophie CONDEMINE", place = "Lyon" })
            .ExpectAsync(HttpStatusCode.Created);
        await partner.PostJsonAsync($"/api/v1/conventions/{id}/signatures", new { party = "partner", signatoryName = "Claire MARTIN", place = "Lyon" })
            .ExpectAsync(HttpStatusCode.Created);
        return id;
    }

    private async Task<(string Offer, string Session)> CultureOfferAsync(int seats = 50)
    {
        var (theatre, publisher) = await PartnerAsync(_alliesOperator, "Théâtre", "publisher", "cultural-institution");
        var offer = await publisher.PostJsonAsync("/api/v1/offers", new
        {
            publisherOrganizationId = theatre, title = "Le Malade imaginaire", category = "show", venueName = "Théâtre", city = "Lyon",
            description = "Comédie-ballet.", sessions = new[] { new { startsAt = "2026-12-20T20:30:00+01:00", seats } },
        }).ExpectAsync(HttpStatusCode.Created);
        return (offer.Str("id"), offer.GetProperty("sessions")[0].Str("id"));
    }

    private async Task<JsonElement> CredentialsAsync(string organizationId) =>
        await _admin.GetAsync($"/api/v1/organizations/{organizationId}/credentials").ExpectAsync(HttpStatusCode.OK);

    [Fact]
    public async Task A_booker_key_can_neither_list_nor_rotate_nor_revoke_its_organizations_keys()
    {
        var (partner, booker) = await PartnerAsync(_alliesOperator, "Structure A", "booker");
        var (operatorCredential, _) = await _admin.IssueKeyAsync(partner, "operator-admin", "2029-11-01");

        await booker.GetAsync($"/api/v1/organizations/{partner}/credentials").ExpectProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
        await booker.PostAsync($"/api/v1/organizations/{partner}/credentials/{operatorCredential}/rotate", null)
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "credential.rotate_forbidden");
        await booker.PostAsync($"/api/v1/organizations/{partner}/credentials/{operatorCredential}/revoke", null)
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
        var keys = await CredentialsAsync(partner);
        Assert.All(keys.GetProperty("items").EnumerateArray(), k => Assert.Equal("valid", k.Str("state")));
    }

    [Fact]
    public async Task Staff_may_rotate_the_key_they_call_with_and_no_key_shows_more_than_eight_characters()
    {
        var (partner, _) = await PartnerAsync(_alliesOperator, "Structure B", "booker");
        var (own, ownKey) = await _admin.IssueKeyAsync(partner, "partner", "2029-11-01");

        var rotated = await _factory.Client(ownKey).PostAsync($"/api/v1/organizations/{partner}/credentials/{own}/rotate", null).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal("partner", rotated.Str("role"));
        Assert.All((await CredentialsAsync(partner)).GetProperty("items").EnumerateArray(), k => Assert.True(k.Str("keyPrefix").Length <= 8, k.Str("keyPrefix")));
    }

    [Fact]
    public async Task Of_parallel_rotations_of_one_key_exactly_one_wins_and_the_others_get_409()
    {
        var (partner, _) = await PartnerAsync(_alliesOperator, "Structure C", "booker");
        var (credential, _) = await _admin.IssueKeyAsync(partner, "booker", "2029-11-01");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            _factory.Admin().PostAsync($"/api/v1/organizations/{partner}/credentials/{credential}/rotate", null)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var working = (await CredentialsAsync(partner)).GetProperty("items").EnumerateArray().Count(k => k.Str("role") == "booker" && k.Str("state") == "valid");
        Assert.Equal(2, working);  // the first booker key and the one successor
    }

    [Fact]
    public async Task An_expired_key_is_not_rotated_into_a_fresh_one()
    {
        var (partner, _) = await PartnerAsync(_alliesOperator, "Structure D", "booker");
        var (credential, _) = await _admin.IssueKeyAsync(partner, "booker", "2026-11-30");
        _factory.Clock.Advance(TimeSpan.FromDays(10));
        try
        {
            await _alliesOperator.PostAsync($"/api/v1/organizations/{partner}/credentials/{credential}/rotate", null)
                .ExpectProblemAsync(HttpStatusCode.Conflict, "credential.expired");
        }
        finally
        {
            _factory.Clock.Advance(TimeSpan.FromDays(-10));
        }
    }

    [Fact]
    public async Task The_bootstrap_platform_key_is_rotated_like_any_other()
    {
        var platform = await _admin.GetAsync("/api/v1/platform/credentials").ExpectAsync(HttpStatusCode.OK);
        var bootstrap = platform.GetProperty("items").EnumerateArray().Single(k => k.Str("state") == "valid").Str("id");
        var spare = await _admin.PostJsonAsync("/api/v1/platform/credentials", new { label = "Seconde clé" }).ExpectAsync(HttpStatusCode.Created);

        var rotated = await _factory.Client(spare.Str("key")).PostAsync($"/api/v1/platform/credentials/{bootstrap}/rotate", null).ExpectAsync(HttpStatusCode.Created);

        await _admin.GetAsync("/api/v1/notices").ExpectProblemAsync(HttpStatusCode.Unauthorized, "auth.key_revoked");
        _admin = _factory.Client(rotated.Str("key"));
        await _admin.GetAsync("/api/v1/notices").ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_programs_operator_cannot_change_or_cancel_a_culture_session_nor_publish_for_its_partners()
    {
        var (offer, session) = await CultureOfferAsync();
        var (theatre, _) = await PartnerAsync(_alliesOperator, "Théâtre bis", "publisher", "cultural-institution");

        await _townOperator.PatchAsync($"/api/v1/offers/{offer}/sessions/{session}", JsonContent(new { seats = 1 }))
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "offer.forbidden");
        await _townOperator.PostJsonAsync($"/api/v1/offers/{offer}/sessions/{session}/cancel", new { reason = "x" })
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "offer.forbidden");
        await _townOperator.PostJsonAsync("/api/v1/offers", new
        {
            publisherOrganizationId = theatre, title = "x", category = "show", venueName = "x", city = "Lyon", description = "x",
            sessions = new[] { new { startsAt = "2026-12-21T20:30:00+01:00", seats = 5 } },
        }).ExpectProblemAsync(HttpStatusCode.Forbidden, "offer.forbidden");

        var unchanged = await _alliesOperator.GetAsync($"/api/v1/offers/{offer}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(50, unchanged.GetProperty("sessions")[0].GetProperty("seats").GetInt32());
    }

    [Fact]
    public async Task An_operator_admin_key_held_by_a_partner_runs_no_program()
    {
        var (offer, session) = await CultureOfferAsync();
        var (partner, _) = await PartnerAsync(_alliesOperator, "Structure E", "booker");
        var (_, partnerOperatorKey) = await _admin.IssueKeyAsync(partner, "operator-admin", "2029-11-01");
        var client = _factory.Client(partnerOperatorKey);

        await client.PostJsonAsync($"/api/v1/offers/{offer}/sessions/{session}/cancel", new { reason = "x" })
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "offer.forbidden");
        await client.PostJsonAsync("/api/v1/organizations", new { name = "x", kind = "other", address = new { line1 = "x", postalCode = "69001", city = "Lyon" } })
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "program.operator_only");
    }

    [Fact]
    public async Task The_ruche_operator_cannot_draft_a_culture_convention_and_a_suspended_partner_gets_no_fresh_one()
    {
        var (partner, partnerClient) = await PartnerAsync(_alliesOperator, "Structure F", "partner");
        var conventionId = await ActiveCultureConventionAsync(partner, partnerClient);
        await _alliesOperator.PostJsonAsync("/api/v1/disputes", new
        {
            conventionId, raisedBy = "operator", kind = "breach", grounds = "Invitations inutilisées.",
            notice = new { channel = "simple-letter", notifiedOn = "2026-11-23" },
        }).ExpectAsync(HttpStatusCode.Created);
        var draft = new
        {
            templateKey = "culture-pour-tous/social-partner", operatorOrganizationId = _town, partnerOrganizationId = partner,
            startsOn = "2026-10-01", endsOn = "2027-09-30", place = "Bagnols",
            operatorSignatory = new { fullName = "Jean-Yves CHAPELET", title = "Maire" }, partnerSignatory = new { fullName = "Claire MARTIN", title = "Directrice" },
        };

        await _townOperator.PostJsonAsync("/api/v1/conventions", draft).ExpectProblemAsync(HttpStatusCode.Forbidden, "convention.operator_only");
        await _alliesOperator.PostJsonAsync("/api/v1/conventions", draft with { })
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "convention.operator_only");
        await _alliesOperator.PostJsonAsync("/api/v1/conventions", new
        {
            draft.templateKey, operatorOrganizationId = _allies, draft.partnerOrganizationId, draft.startsOn, draft.endsOn, draft.place,
            operatorSignatory = new { fullName = "Anne Sophie CONDEMINE", title = "Présidente" }, draft.partnerSignatory,
        }).ExpectProblemAsync(HttpStatusCode.Conflict, "convention.partner_suspended");
    }

    [Fact]
    public async Task The_party_at_fault_cannot_lift_its_own_suspension_and_the_association_cannot_invoke_the_internal_rules()
    {
        var (partner, partnerClient) = await PartnerAsync(_alliesOperator, "Structure G", "partner");
        var conventionId = await ActiveCultureConventionAsync(partner, partnerClient);
        var dispute = (await _alliesOperator.PostJsonAsync("/api/v1/disputes", new
        {
            conventionId, raisedBy = "operator", kind = "breach", grounds = "Invitations inutilisées.",
            notice = new { channel = "simple-letter", notifiedOn = "2026-11-23" },
        }).ExpectAsync(HttpStatusCode.Created)).Str("id");

        var alone = await partnerClient.PostJsonAsync($"/api/v1/disputes/{dispute}/agreement", new { agreedOn = "2026-11-23", summary = "D'accord." }).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("awaiting-explanation", alone.Str("status"));
        var convention = await partnerClient.GetAsync($"/api/v1/conventions/{conventionId}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("suspended", convention.Str("status"));

        // La Ruche: article 3 binds the association, not the town.
        var (association, associationClient) = await PartnerAsync(_townOperator, "Association H", "partner");
        var ruche = (await _townOperator.PostJsonAsync("/api/v1/conventions", new
        {
            templateKey = "ruche-numerique/premises", operatorOrganizationId = _town, partnerOrganizationId = association,
            startsOn = "2026-01-01", endsOn = "2026-12-31", place = "Bagnols-sur-Cèze",
            operatorSignatory = new { fullName = "Jean-Yves CHAPELET", title = "Maire" }, partnerSignatory = new { fullName = "Claire MARTIN", title = "Présidente" },
        }).ExpectAsync(HttpStatusCode.Created)).Str("id");
        await _townOperator.PostAsync($"/api/v1/conventions/{ruche}/send-for-signature", null).ExpectAsync(HttpStatusCode.OK);
        await _townOperator.PostJsonAsync($"/api/v1/conventions/{ruche}/signatures", new { party = "operator", signatoryName = "Jean-Yves CHAPELET", place = "Bagnols-sur-Cèze" }).ExpectAsync(HttpStatusCode.Created);
        await associationClient.PostJsonAsync($"/api/v1/conventions/{ruche}/signatures", new { party = "partner", signatoryName = "Claire MARTIN", place = "Bagnols-sur-Cèze" }).ExpectAsync(HttpStatusCode.Created);

        await associationClient.PostJsonAsync("/api/v1/disputes", new
        {
            conventionId = ruche, raisedBy = "partner", kind = "internal-rules-breach", grounds = "La mairie a enfreint le règlement.",
            notice = new { channel = "registered-letter", notifiedOn = "2026-11-23" },
        }).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "dispute.kind_not_applicable");
    }

    [Fact]
    public async Task A_visitor_code_reads_offers_and_nothing_else()
    {
        var (partner, partnerClient) = await PartnerAsync(_alliesOperator, "Structure I", "partner");
        var conventionId = await ActiveCultureConventionAsync(partner, partnerClient);
        var (_, visitorKey) = await _alliesOperator.IssueKeyAsync(partner, "visitor", "2029-11-01");
        var visitor = _factory.Client(visitorKey);
        await CultureOfferAsync();

        await visitor.GetAsync("/api/v1/offers").ExpectAsync(HttpStatusCode.OK);
        foreach (var url in new[]
        {
            $"/api/v1/organizations/{partner}", "/api/v1/notices", "/api/v1/disputes", $"/api/v1/conventions/{conventionId}/document",
            $"/api/v1/organizations/{partner}/donations", $"/api/v1/organizations/{partner}/dashboard", "/api/v1/conventions",
        })
        {
            await visitor.GetAsync(url).ExpectProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
        }
    }

    [Fact]
    public async Task Another_programs_operator_does_not_read_a_partners_dashboard()
    {
        var (partner, _) = await PartnerAsync(_alliesOperator, "Structure J", "booker");

        await _townOperator.GetAsync($"/api/v1/organizations/{partner}/dashboard").ExpectProblemAsync(HttpStatusCode.Forbidden, "dashboard.forbidden");
        await _alliesOperator.GetAsync($"/api/v1/organizations/{partner}/dashboard").ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_session_notice_reaches_each_booking_structure_alone()
    {
        var (offer, session) = await CultureOfferAsync();
        var structures = new List<(string Id, HttpClient Booker, string Email)>();
        foreach (var name in new[] { "Structure K", "Structure L" })
        {
            var (id, partnerClient) = await PartnerAsync(_alliesOperator, name, "partner");
            await ActiveCultureConventionAsync(id, partnerClient);
            var (_, bookerKey) = await _alliesOperator.IssueKeyAsync(id, "booker", "2029-11-01");
            var booker = _factory.Client(bookerKey);
            var beneficiary = (await booker.PostJsonAsync("/api/v1/beneficiaries", new { displayName = "Actionneur" }).ExpectAsync(HttpStatusCode.Created)).Str("id");
            await booker.PostJsonAsync("/api/v1/bookings", new { sessionId = session, beneficiaryId = beneficiary }).ExpectAsync(HttpStatusCode.Created);
            structures.Add((id, booker, $"referent@{name.Replace(' ', '-').ToLowerInvariant()}.example"));
        }

        await _alliesOperator.PostJsonAsync($"/api/v1/offers/{offer}/sessions/{session}/cancel", new { reason = "Comédien souffrant" }).ExpectAsync(HttpStatusCode.OK);
        await _factory.RunJobAsync("outbox");

        foreach (var (_, booker, email) in structures)
        {
            var notices = await booker.GetAsync("/api/v1/notices").ExpectAsync(HttpStatusCode.OK);
            var cancelled = notices.GetProperty("items").EnumerateArray().Single(n => n.Str("kind") == "session-cancelled");
            Assert.Equal(email, Assert.Single(cancelled.GetProperty("recipients").EnumerateArray()).Str("email"));
            Assert.DoesNotContain(structures.Select(s => s.Email).Where(e => e != email), e => notices.ToString().Contains(e, StringComparison.Ordinal));
        }
        var eml = Directory.Exists(_factory.PickupDirectory) ? Directory.GetFiles(_factory.PickupDirectory, "*.eml") : [];
        Assert.All(eml, file =>
        {
            var to = File.ReadLines(file).First(l => l.StartsWith("To:", StringComparison.Ordinal));
            Assert.True(structures.Count(s => to.Contains(s.Email, StringComparison.Ordinal)) <= 1, to);
        });
    }

    [Fact]
    public async Task The_partner_directory_does_not_show_another_programs_referents()
    {
        var (_, lyonPartner) = await PartnerAsync(_alliesOperator, "Structure lyonnaise", "partner");
        var (_, rucheClient) = await PartnerAsync(_townOperator, "Association gardoise", "partner");

        var directory = await rucheClient.GetAsync("/api/v1/directory/partners").ExpectAsync(HttpStatusCode.OK);

        Assert.DoesNotContain("referent@structure-lyonnaise.example", directory.ToString(), StringComparison.Ordinal);
        Assert.Contains("referent@association-gardoise.example", directory.ToString(), StringComparison.Ordinal);
        var lyon = await lyonPartner.GetAsync("/api/v1/directory/partners").ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain("referent@association-gardoise.example", lyon.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_patch_racing_the_freeze_never_changes_a_frozen_convention()
    {
        for (var round = 0; round < 10; round++)
        {
            var (partner, _) = await PartnerAsync(_alliesOperator, $"Structure course {round}", "partner");
            var id = (await _alliesOperator.PostJsonAsync("/api/v1/conventions", new
            {
                templateKey = "culture-pour-tous/social-partner", operatorOrganizationId = _allies, partnerOrganizationId = partner,
                startsOn = "2026-10-01", endsOn = "2027-09-30", place = "Lyon",
                operatorSignatory = new { fullName = "Anne Sophie CONDEMINE", title = "Présidente" }, partnerSignatory = new { fullName = "Claire MARTIN", title = "Directrice" },
            }).ExpectAsync(HttpStatusCode.Created)).Str("id");

            var patch = _alliesOperator.PatchAsync($"/api/v1/conventions/{id}", JsonContent(new { place = "Villeurbanne" }));
            var freeze = _factory.Admin().PostAsync($"/api/v1/conventions/{id}/send-for-signature", null);
            var (patched, frozen) = (await patch, await freeze);

            // One of the two may lose the race (409); a frozen document never takes a change after its freeze.
            Assert.False(patched.StatusCode != HttpStatusCode.OK && frozen.StatusCode != HttpStatusCode.OK, "both lost");
            var convention = await _alliesOperator.GetAsync($"/api/v1/conventions/{id}").ExpectAsync(HttpStatusCode.OK);
            var document = await _alliesOperator.GetStringAsync($"/api/v1/conventions/{id}/document");
            if (frozen.StatusCode != HttpStatusCode.OK)
            {
                await frozen.ExpectProblemAsync(HttpStatusCode.Conflict, "convention.changed");
                Assert.Equal("draft", convention.Str("status"));
                Assert.Equal("Villeurbanne", convention.Str("place"));
            }
            else if (patched.StatusCode == HttpStatusCode.OK)
            {
                // Landed before the freeze: the frozen text has it.
                Assert.Equal("Villeurbanne", convention.Str("place"));
                Assert.Contains("Villeurbanne", document, StringComparison.Ordinal);
            }
            else
            {
                Assert.True(patched.StatusCode == HttpStatusCode.Conflict, await patched.Content.ReadAsStringAsync());
                Assert.Equal("Lyon", convention.Str("place"));
                Assert.DoesNotContain("Villeurbanne", document, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Concurrent_signatures_by_one_party_give_one_201_and_409s()
    {
        var (partner, partnerClient) = await PartnerAsync(_alliesOperator, "Structure signatures", "partner");
        var id = (await _alliesOperator.PostJsonAsync("/api/v1/conventions", new
        {
            templateKey = "culture-pour-tous/social-partner", operatorOrganizationId = _allies, partnerOrganizationId = partner,
            startsOn = "2026-10-01", endsOn = "2027-09-30", place = "Lyon",
            operatorSignatory = new { fullName = "Anne Sophie CONDEMINE", title = "Présidente" }, partnerSignatory = new { fullName = "Claire MARTIN", title = "Directrice" },
        }).ExpectAsync(HttpStatusCode.Created)).Str("id");
        await _alliesOperator.PostAsync($"/api/v1/conventions/{id}/send-for-signature", null).ExpectAsync(HttpStatusCode.OK);
        var signature = new { party = "partner", signatoryName = "Claire MARTIN", place = "Lyon" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => partnerClient.PostJsonAsync($"/api/v1/conventions/{id}/signatures", signature)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
