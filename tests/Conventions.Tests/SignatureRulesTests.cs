using Conventions.BuildingBlocks.Errors;
using Conventions.Modules.Conventions.Contracts;
using Conventions.Modules.Conventions.Domain;
using Conventions.Modules.Partners.Contracts;

namespace Conventions.Tests;

/// <summary>Who a signature names and the "Fait à" line of a signed original (issue 18), on the domain.</summary>
public sealed class SignatureRulesTests
{
    private static readonly ContactSummary Director = new(Guid.NewGuid(), "Claire MARTIN", "Directrice", null, null, [ContactRole.Signatory]);
    private static readonly ContactSummary Referent = new(Guid.NewGuid(), "Paul GIRARD", "Référent", null, null, [ContactRole.Referent]);
    private static readonly ContactSummary Untitled = new(Guid.NewGuid(), "Jeanne SANS-TITRE", null, null, null, [ContactRole.Signatory]);
    private static readonly ContactSummary[] Contacts = [Director, Referent, Untitled];

    private static string Code(Action action) => Assert.ThrowsAny<AppException>(action).Code;

    [Fact]
    public void A_signatory_is_named_by_its_contact_id_or_its_registered_name_and_gets_the_contacts_title()
    {
        Assert.Equal(new RegisteredSignatory(Director.Id, "Claire MARTIN", "Directrice"), SignatureRules.Resolve(Contacts, "partner", Director.Id, null, null));
        Assert.Equal(new RegisteredSignatory(Director.Id, "Claire MARTIN", "Directrice"), SignatureRules.Resolve(Contacts, "partner", null, "claire  MARTÍN", "directrice"));
    }

    [Fact]
    public void A_contact_that_is_not_a_titled_signatory_of_the_party_or_a_name_or_title_not_its_own_is_refused()
    {
        Assert.Equal("signature.unregistered_signatory", Code(() => SignatureRules.Resolve(Contacts, "partner", Referent.Id, null, null)));
        Assert.Equal("signature.unregistered_signatory", Code(() => SignatureRules.Resolve(Contacts, "partner", Guid.NewGuid(), null, null)));
        Assert.Equal("signature.unregistered_signatory", Code(() => SignatureRules.Resolve(Contacts, "partner", null, "Quelqu'un d'autre", "Stagiaire")));
        Assert.Equal("signature.unregistered_signatory", Code(() => SignatureRules.Resolve(Contacts, "partner", Untitled.Id, null, null)));
        Assert.Equal("signature.unregistered_signatory", Code(() => SignatureRules.Resolve([Referent], "partner", null, "Paul GIRARD", null)));
        Assert.Equal("signature.signatory_mismatch", Code(() => SignatureRules.Resolve(Contacts, "partner", Director.Id, "Paul GIRARD", null)));
        Assert.Equal("signature.signatory_mismatch", Code(() => SignatureRules.Resolve(Contacts, "partner", null, "Claire MARTIN", "Stagiaire")));
    }

    [Fact]
    public void Two_signatories_of_the_same_name_are_told_apart_by_title_or_contact_id()
    {
        var namesake = new ContactSummary(Guid.NewGuid(), "Claire Martin", "Trésorière", null, null, [ContactRole.Signatory]);
        ContactSummary[] contacts = [Director, namesake];

        Assert.Equal("signature.ambiguous_signatory", Code(() => SignatureRules.Resolve(contacts, "partner", null, "Claire MARTIN", null)));
        Assert.Equal(namesake.Id, SignatureRules.Resolve(contacts, "partner", null, "Claire MARTIN", "Trésorière").ContactId);
        Assert.Equal(namesake.Id, SignatureRules.Resolve(contacts, "partner", namesake.Id, null, null).ContactId);
    }

    [Fact]
    public void A_document_is_signed_on_its_freeze_day_or_later_in_Paris()
    {
        // Frozen at 23:30 UTC on 30 November: already 1 December in Paris.
        var frozenAt = new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal("signature.before_freeze", Code(() => SignatureRules.EnsureNotBeforeFreeze(frozenAt, new DateOnly(2026, 11, 30))));
        SignatureRules.EnsureNotBeforeFreeze(frozenAt, new DateOnly(2026, 12, 1));
    }

    private static Signature Signed(ConventionParty party, string place, DateOnly on, int minute) => new()
    {
        Party = party, Place = place, SignedOn = on, RecordedAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(10, minute)), TimeSpan.Zero),
    };

    [Fact]
    public void The_made_in_line_carries_the_last_signatures_place_and_day_once_both_signed_and_restores_to_the_frozen_bytes()
    {
        const string frozen = "<p class=\"made-in\">Fait en deux exemplaires originaux<br>A <span class=\"signing-place\">Lyon</span>, le <span class=\"signing-date\">_____</span></p>";
        var first = Signed(ConventionParty.Operator, "Lyon", new DateOnly(2026, 9, 10), 0);
        var last = Signed(ConventionParty.Partner, "Villeurbanne", new DateOnly(2026, 9, 11), 5);

        Assert.Equal(frozen, SigningLine.Fill(frozen, [first], 2, d => d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))));
        var filled = SigningLine.Fill(frozen, [last, first], 2, d => d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")));

        Assert.Equal("<p class=\"made-in\">Fait en deux exemplaires originaux<br>A <span class=\"signing-place\">Villeurbanne</span>, le <span class=\"signing-date\">11 septembre 2026</span></p>", filled);
        Assert.Equal(frozen, SigningLine.Restore(filled, "Lyon"));
    }

    [Fact]
    public void A_text_frozen_before_the_spans_existed_gets_its_blank_day_filled()
    {
        const string legacy = "<p class=\"made-in\">Fait en deux exemplaires originaux<br>A Lyon, le _____</p>";
        var signatures = new[] { Signed(ConventionParty.Operator, "Lyon", new DateOnly(2026, 9, 11), 0), Signed(ConventionParty.Partner, "Lyon", new DateOnly(2026, 9, 11), 1) };

        Assert.Equal("<p class=\"made-in\">Fait en deux exemplaires originaux<br>A Lyon, le 11 septembre 2026</p>",
            SigningLine.Fill(legacy, signatures, 2, d => d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))));
    }
}
