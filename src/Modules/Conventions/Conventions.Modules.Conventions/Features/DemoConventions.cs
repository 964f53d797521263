using Conventions.BuildingBlocks.Persistence;
using Conventions.Modules.Partners.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Conventions.Modules.Conventions.Features;

/// <summary>
/// The two seed conventions, signed by their real parties (Development only). Culture pour tous is seeded for the
/// current season (1 October to 30 September), as ALLIES renews it every year; La Ruche Numérique from its real start,
/// 1 January 2024, so the renewals job shows the tacit renewals caught up since.
/// </summary>
internal sealed class DemoConventions(IServiceScopeFactory scopes, TimeProvider clock) : IDemoDataSeeder
{
    public static readonly Guid CultureConvention = new("c3300000-0000-4000-8000-000000000001");
    public static readonly Guid RucheConvention = new("c3300000-0000-4000-8000-000000000002");
    public static readonly Guid SecondCultureConvention = new("c3300000-0000-4000-8000-000000000003");

    public int Order => 10;

    public async Task<IReadOnlyList<string>> SeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConventionsDbContext>();
        var documents = scope.ServiceProvider.GetRequiredService<ConventionDocuments>();
        var effects = scope.ServiceProvider.GetRequiredService<ConventionEffects>();
        var today = clock.Today();
        var now = clock.GetUtcNow();
        var lines = new List<string>();

        if (!await db.Conventions.AnyAsync(c => c.Id == CultureConvention, cancellationToken))
        {
            var seasonStart = new DateOnly(today.Month >= 10 ? today.Year : today.Year - 1, 10, 1);
            var culture = Convention.Draft(TemplateCatalog.CulturePourTous, DemoOrganizations.Allies, DemoOrganizations.SocialPartner,
                seasonStart, seasonStart.AddYears(1).AddDays(-1), "Lyon",
                new Signatory { FullName = "Anne Sophie CONDEMINE", Title = "Présidente" },
                new Signatory { FullName = "Claire MARTIN", Title = "Directrice" },
                new Dictionary<string, string>(), DraftedAt(seasonStart.AddDays(-20)), CultureConvention);
            await SignAsync(db, documents, effects, culture, seasonStart.AddDays(-20), today, now, cancellationToken);
            lines.Add($"Culture pour tous convention {CultureConvention} ({seasonStart:yyyy}-{seasonStart.Year + 1})");
        }
        if (!await db.Conventions.AnyAsync(c => c.Id == SecondCultureConvention, cancellationToken))
        {
            var seasonStart = new DateOnly(today.Month >= 10 ? today.Year : today.Year - 1, 10, 1);
            var second = Convention.Draft(TemplateCatalog.CulturePourTous, DemoOrganizations.Allies, DemoOrganizations.SecondSocialPartner,
                seasonStart, seasonStart.AddYears(1).AddDays(-1), "Lyon",
                new Signatory { FullName = "Anne Sophie CONDEMINE", Title = "Présidente" },
                new Signatory { FullName = "Paul GIRARD", Title = "Directeur" },
                new Dictionary<string, string>(), DraftedAt(seasonStart.AddDays(-10)), SecondCultureConvention);
            await SignAsync(db, documents, effects, second, seasonStart.AddDays(-10), today, now, cancellationToken);
            lines.Add($"Culture pour tous convention {SecondCultureConvention} (Foyer Les Tilleuls)");
        }
        if (!await db.Conventions.AnyAsync(c => c.Id == RucheConvention, cancellationToken))
        {
            var ruche = Convention.Draft(TemplateCatalog.RucheNumerique, DemoOrganizations.Bagnols, DemoOrganizations.Avaqbc,
                new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), "Bagnols-sur-Cèze",
                new Signatory { FullName = "Jean-Yves CHAPELET", Title = "Maire" },
                new Signatory { FullName = "Madame Maryse NORDEZ-RYEZ", Title = "Présidente" },
                new Dictionary<string, string>
                {
                    ["partnerFullName"] = "Aide à la Valorisation et l'Amélioration des Quartiers de Bagnols-sur-Cèze",
                    ["partnerShortName"] = "A.V.A.Q.B-C",
                }, DraftedAt(new DateOnly(2023, 12, 15)), RucheConvention);
            await SignAsync(db, documents, effects, ruche, new DateOnly(2023, 12, 15), today, now, cancellationToken);
            lines.Add($"La Ruche Numérique convention {RucheConvention} (from 2024-01-01, renewed tacitly)");
        }
        // Signed on their real dates, before their start: saved, then brought up to today (activation, renewals) as the job does.
        await db.SaveChangesAsync(cancellationToken);
        foreach (var convention in await db.Conventions.Include(c => c.Committees).Where(c => c.NextDueOn != null && c.NextDueOn <= today).ToListAsync(cancellationToken))
        {
            effects.Publish(db, convention, await documents.PartiesAsync(convention, cancellationToken), convention.ApplyDue(today, now), today, now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return lines;
    }

    /// <summary>
    /// Drafts, freezes and signs the convention on its real dates, in order: frozen the day before the signatures, both
    /// signed on <paramref name="signedOn"/> by the organizations' registered signatories (the demo records no key).
    /// </summary>
    private static async Task SignAsync(
        ConventionsDbContext db, ConventionDocuments documents, ConventionEffects effects, Convention convention,
        DateOnly signedOn, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parties = await documents.PartiesForTextAsync(convention, cancellationToken);
        var frozenAt = ParisTime.At(signedOn.AddDays(-1), new TimeOnly(10, 0));
        var signedAt = ParisTime.At(signedOn, new TimeOnly(11, 0));
        convention.AttestDraft(documents.RenderBody(convention, parties, draft: true).Sha256, null);
        convention.SendForSignature(documents.RenderBody(convention, parties, draft: false), frozenAt);
        var evidence = new SignatureEvidence(null, "données de démonstration", null, null);
        convention.Sign(ConventionParty.Operator, DemoSignatory(parties.Operator), convention.Place, evidence, signedOn, signedAt);
        var effect = convention.Sign(ConventionParty.Partner, DemoSignatory(parties.Partner), convention.Place, evidence, signedOn, signedAt.AddMinutes(30));
        db.Conventions.Add(convention);
        if (effect is not null)
        {
            effects.Publish(db, convention, parties, [effect], today, now);
        }
    }

    private static DateTimeOffset DraftedAt(DateOnly signedOn) => ParisTime.At(signedOn.AddDays(-7), new TimeOnly(9, 30));

    private static RegisteredSignatory DemoSignatory(OrganizationSummary organization) =>
        organization.Contacts.Where(c => c.Roles.Contains(ContactRole.Signatory))
            .Select(c => new RegisteredSignatory(c.Id, c.FullName, c.Title ?? string.Empty)).First();
}
