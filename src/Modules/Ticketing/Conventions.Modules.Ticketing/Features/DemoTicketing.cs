using Conventions.BuildingBlocks.Persistence;
using Conventions.Modules.Partners.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Conventions.Modules.Ticketing.Features;

/// <summary>A few offers from the demo cultural partner and beneficiaries of the demo social partner (Development only).</summary>
internal sealed class DemoTicketing(IServiceScopeFactory scopes, TimeProvider clock) : IDemoDataSeeder
{
    private static readonly Guid FirstOffer = new("e5500000-0000-4000-8000-000000000001");

    public int Order => 12;

    public async Task<IReadOnlyList<string>> SeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketingDbContext>();
        if (await db.Offers.AnyAsync(o => o.Id == FirstOffer, cancellationToken))
        {
            return [];
        }
        var today = clock.Today();
        var now = clock.GetUtcNow();
        SessionPlan At(int days, int hour, int seats) => new(ParisTime.At(today.AddDays(days), new TimeOnly(hour, 0)), seats);
        db.Offers.AddRange(
            Offer.Publish(
                DemoOrganizations.CulturalPartner,
                new OfferText("Le Malade imaginaire", OfferCategory.Show, "Théâtre du Confluent", "Lyon", "Comédie-ballet de Molière."),
                [At(10, 20, 10), At(17, 20, 2)], now, FirstOffer),
            Offer.Publish(
                DemoOrganizations.CulturalPartner,
                new OfferText("Visite guidée des traboules", OfferCategory.GuidedTour, "Vieux-Lyon", "Lyon", "Visite commentée des passages du Vieux-Lyon."),
                [At(6, 14, 15)], now));
        var samia = Beneficiary.Register(DemoOrganizations.SocialPartner, "Samia K.", "DOS-114", now);
        var jeanMarc = Beneficiary.Register(DemoOrganizations.SocialPartner, "Jean-Marc P.", null, now);
        var awa = Beneficiary.Register(DemoOrganizations.SocialPartner, "Awa D.", null, now);
        db.Beneficiaries.AddRange(samia, jeanMarc, awa);

        // An outing of this season that took place: bookings, door check-ins, a text for Les écrieurs (issue 19), so
        // that the season's report has something to show.
        var concert = Offer.Publish(
            DemoOrganizations.CulturalPartner,
            new OfferText("Concert du dimanche", OfferCategory.Show, "Théâtre du Confluent", "Lyon", "Musique de chambre en fin d'après-midi."),
            [At(-12, 17, 12)], now);
        db.Offers.Add(concert);
        var session = concert.Sessions[0];
        var booked = new BookedSession(session.Id, concert.Id, session.StartsAt);
        var bookings = new[]
        {
            Booking.Request(booked, DemoOrganizations.SocialPartner, samia.Id, null, [new("Samia K.", InvitationRole.Beneficiary), new("Yanis K.", InvitationRole.Guest, GuestRelation.Family)], now.AddDays(-20)),
            Booking.Request(booked, DemoOrganizations.SocialPartner, jeanMarc.Id, null, [new("Jean-Marc P.", InvitationRole.Beneficiary)], now.AddDays(-19)),
            Booking.Request(booked, DemoOrganizations.SocialPartner, awa.Id, null, [new("Awa D.", InvitationRole.Beneficiary)], now.AddDays(-18)),
        };
        foreach (var booking in bookings)
        {
            booking.Confirm();
        }
        foreach (var booking in bookings.Take(2))
        {
            foreach (var seat in booking.Invitations)
            {
                booking.CheckIn(seat.Id, session.StartsAt.AddMinutes(-15));
            }
        }
        db.Bookings.AddRange(bookings);
        var text = Writing.Submit(bookings[0], "Je n'étais jamais entrée dans un théâtre. La musique m'a portée, et mon fils a voulu rester jusqu'au bout : nous reviendrons.",
            "Samia", consent: true, null, session.StartsAt.AddDays(2));
        text.Publish(session.StartsAt.AddDays(3));
        db.Writings.Add(text);
        await db.SaveChangesAsync(cancellationToken);
        var seats = bookings.Sum(b => b.Invitations.Count);
        await db.Sessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.SeatsLeft, x => x.SeatsLeft - seats), cancellationToken);
        return ["Ticketing: 3 offers of the Théâtre du Confluent (one past, with bookings, check-ins and a published Les écrieurs text), 3 beneficiaries of the social partner (book with demo-social-booker)"];
    }
}
