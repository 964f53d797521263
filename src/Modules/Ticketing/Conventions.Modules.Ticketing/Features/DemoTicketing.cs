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
        db.Beneficiaries.AddRange(
            Beneficiary.Register(DemoOrganizations.SocialPartner, "Samia K.", "DOS-114", now),
            Beneficiary.Register(DemoOrganizations.SocialPartner, "Jean-Marc P.", null, now));
        await db.SaveChangesAsync(cancellationToken);
        return ["Ticketing: 2 offers of the Théâtre du Confluent, 2 beneficiaries of the social partner (book with demo-social-booker)"];
    }
}
