using Conventions.BuildingBlocks.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Conventions.Modules.Partners.Features;

/// <summary>The parties of the two seed conventions, their contacts and demo keys (Development only).</summary>
internal sealed class DemoPartners(IServiceScopeFactory scopes, TimeProvider clock, IOptions<PartnersSettings> settings) : IDemoDataSeeder
{
    public int Order => 0;

    private static readonly (Guid Organization, Role Role, string Label, string Key)[] Keys =
    [
        (DemoOrganizations.Allies, Role.OperatorAdmin, "Équipe Culture pour tous", "demo-allies-operator"),
        (DemoOrganizations.SocialPartner, Role.Booker, "Poste accueil", "demo-social-booker"),
        (DemoOrganizations.SocialPartner, Role.Partner, "Direction", "demo-social-partner"),
        (DemoOrganizations.SocialPartner, Role.Visitor, "Code visiteur Actionneurs", "demo-social-visitor"),
        (DemoOrganizations.CulturalPartner, Role.Publisher, "Billetterie", "demo-theatre-publisher"),
        (DemoOrganizations.Bagnols, Role.OperatorAdmin, "Responsable de la Ruche Numérique", "demo-bagnols-operator"),
        (DemoOrganizations.Avaqbc, Role.Partner, "Présidence", "demo-avaqbc-partner"),
        (DemoOrganizations.SecondSocialPartner, Role.Partner, "Direction", "demo-tilleuls-partner"),
    ];

    public async Task<IReadOnlyList<string>> SeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartnersDbContext>();
        var now = clock.GetUtcNow();
        if (!await db.Organizations.AnyAsync(o => o.Id == DemoOrganizations.Allies, cancellationToken))
        {
            var allies = Organization.Register(DemoOrganizations.Allies, "ALLIES – Culture pour tous", OrganizationKind.Association,
                new Address { Line1 = "24, rue Etienne Rognon", PostalCode = "69007", City = "Lyon" },
                "04 78 60 92 18", "https://www.culture-pour-tous.fr", "equipe@culture-pour-tous.fr", publishPhone: true, null, now);
            allies.AddContact("Anne Sophie CONDEMINE", "Présidente", "allies@infonie.fr", "04 78 60 20 82", [ContactRole.Signatory]);
            allies.AddContact("Équipe Culture pour tous", "Service Culture pour tous", "equipe@culture-pour-tous.fr", "04 78 60 92 18", [ContactRole.Referent, ContactRole.Staff]);

            var social = Organization.Register(DemoOrganizations.SocialPartner, "Association Passerelles Solidaires (démonstration)", OrganizationKind.SocialService,
                new Address { Line1 = "10, rue de l'Exemple", PostalCode = "69003", City = "Lyon" },
                "04 72 00 00 01", "https://passerelles.example", "accueil@passerelles.example", publishPhone: false, DemoOrganizations.Allies, now);
            social.AddContact("Claire MARTIN", "Directrice", "direction@passerelles.example", null, [ContactRole.Signatory]);
            social.AddContact("Karim BENALI", "Référent Culture pour tous", "k.benali@passerelles.example", "04 72 00 00 02", [ContactRole.Referent]);

            var theatre = Organization.Register(DemoOrganizations.CulturalPartner, "Théâtre du Confluent (démonstration)", OrganizationKind.CulturalInstitution,
                new Address { Line1 = "1, quai de l'Exemple", PostalCode = "69002", City = "Lyon" },
                "04 72 00 00 10", "https://theatre-confluent.example", "billetterie@theatre-confluent.example", publishPhone: true, DemoOrganizations.Allies, now);
            theatre.AddContact("Sophie LAURENT", "Chargée des relations publiques", "rp@theatre-confluent.example", null, [ContactRole.Referent]);

            var bagnols = Organization.Register(DemoOrganizations.Bagnols, "Ville de Bagnols-sur-Cèze – La Ruche Numérique", OrganizationKind.Municipality,
                new Address { Line1 = "Hôtel de ville", PostalCode = "30200", City = "Bagnols-sur-Cèze" },
                null, "https://www.bagnolssurceze.fr", "laruche@bagnols.example", publishPhone: false, null, now);
            bagnols.AddContact("Jean-Yves CHAPELET", "Maire", null, null, [ContactRole.Signatory]);
            bagnols.AddContact("Responsable de la Ruche Numérique", "Responsable du tiers-lieu", "laruche@bagnols.example", null, [ContactRole.Referent]);

            var avaqbc = Organization.Register(DemoOrganizations.Avaqbc, "A.V.A.Q.B-C – Aide à la Valorisation et l'Amélioration des Quartiers de Bagnols-sur-Cèze", OrganizationKind.Association,
                new Address { Line1 = "95, route de Lyon", PostalCode = "30200", City = "Bagnols-sur-Cèze" },
                null, null, "contact@avaqbc.example", publishPhone: false, DemoOrganizations.Bagnols, now);
            avaqbc.AddContact("Maryse NORDEZ-RYEZ", "Présidente", "presidence@avaqbc.example", null, [ContactRole.Signatory, ContactRole.Referent]);

            db.Organizations.AddRange(allies, social, theatre, bagnols, avaqbc);
            foreach (var organization in new[] { allies, social, theatre, bagnols, avaqbc })
            {
                db.Contacts.AddRange(organization.Contacts);
            }
        }

        if (!await db.Organizations.AnyAsync(o => o.Id == DemoOrganizations.SecondSocialPartner, cancellationToken))
        {
            var tilleuls = Organization.Register(DemoOrganizations.SecondSocialPartner, "Foyer Les Tilleuls (démonstration)", OrganizationKind.SocialService,
                new Address { Line1 = "5, impasse de l'Exemple", PostalCode = "69008", City = "Lyon" },
                "04 72 00 00 20", null, "accueil@tilleuls.example", publishPhone: false, DemoOrganizations.Allies, now);
            tilleuls.AddContact("Paul GIRARD", "Directeur", "direction@tilleuls.example", null, [ContactRole.Signatory]);
            tilleuls.AddContact("Inès MOREAU", "Référente Culture pour tous", "i.moreau@tilleuls.example", null, [ContactRole.Referent]);
            db.Organizations.Add(tilleuls);
            db.Contacts.AddRange(tilleuls.Contacts);
        }

        // The programs' operators, as the platform admin sets them: ALLIES runs Culture pour tous, the town La Ruche Numérique.
        foreach (var (program, operatorId) in new[] { (ProgramKeys.CulturePourTous, DemoOrganizations.Allies), (ProgramKeys.RucheNumerique, DemoOrganizations.Bagnols) })
        {
            if (!await db.ProgramParticipants.AnyAsync(p => p.ProgramKey == program && p.OrganizationId == operatorId, cancellationToken))
            {
                db.ProgramParticipants.Add(new ProgramParticipant { ProgramKey = program, OrganizationId = operatorId, IsOperator = true, Since = now });
            }
        }

        var expiresOn = settings.Value.NextSeasonEnd(clock.Today());
        var lines = new List<string>();
        foreach (var (organization, role, label, key) in Keys)
        {
            var hash = ApiKeys.Hash(key);
            if (!await db.Credentials.AnyAsync(c => c.KeyHash == hash, cancellationToken))
            {
                db.Credentials.Add(Credential.Issue(organization, role, label, expiresOn, now, key).Credential);
            }
            lines.Add($"{JsonDefaults.Kebab(role),-15} {key,-24} {label}");
        }
        await SeasonMeetingAsync(db, now, lines, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return lines;
    }

    private static readonly Guid SeptemberMeeting = new("a1100000-0000-4000-8000-0000000005e1");

    /// <summary>Culture pour tous' September season meeting ("rendez-vous de saison"), with people registered by two social partners (issue 19).</summary>
    private async Task SeasonMeetingAsync(PartnersDbContext db, DateTimeOffset now, List<string> lines, CancellationToken cancellationToken)
    {
        if (await db.SeasonEvents.AnyAsync(e => e.Id == SeptemberMeeting, cancellationToken))
        {
            return;
        }
        var today = clock.Today();
        var day = new DateOnly(today.Month < 9 || (today.Month == 9 && today.Day < 16) ? today.Year : today.Year + 1, 9, 16);
        var meeting = SeasonEvent.Schedule(ProgramKeys.CulturePourTous, DemoOrganizations.Allies, SeasonEventKind.SeasonMeeting, "Rendez-vous de saison de septembre",
            "Présentation de la nouvelle saison, des offres des partenaires culturels et des outils de réservation.", ParisTime.At(day, new TimeOnly(14, 0)),
            "Maison des associations, 24 rue Etienne Rognon, Lyon", 40, [], now, id: SeptemberMeeting);
        meeting.Register(DemoOrganizations.SocialPartner, OrganizationKind.SocialService, "Karim BENALI", "Référent Culture pour tous", "k.benali@passerelles.example", now);
        meeting.Register(DemoOrganizations.SocialPartner, OrganizationKind.SocialService, "Lucie F.", "Animatrice bénévole", null, now);
        meeting.Register(DemoOrganizations.SecondSocialPartner, OrganizationKind.SocialService, "Paul R.", "Directeur", null, now);
        db.SeasonEvents.Add(meeting);
        lines.Add($"Season meeting on {day:yyyy-MM-dd} with 3 people registered (GET /api/v1/season-events)");
    }
}
