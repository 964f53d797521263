using Conventions.BuildingBlocks.Persistence;
using Conventions.BuildingBlocks.Time;
using Conventions.Modules.Partners.Contracts;
using Conventions.Modules.Ticketing.Domain;
using Conventions.Modules.Ticketing.Persistence;
using Microsoft.EntityFrameworkCore;
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
        Session At(int days, int hour, int seats) => new()
        {
            Id = Guid.NewGuid(), StartsAt = ParisTime.At(today.AddDays(days), new TimeOnly(hour, 0)).ToUniversalTime(), Seats = seats, SeatsLeft = seats, Status = SessionStatus.Scheduled,
        };
        db.Offers.AddRange(
            new Offer
            {
                Id = FirstOffer, PublisherOrganizationId = DemoOrganizations.CulturalPartner, Title = "Le Malade imaginaire", Category = OfferCategory.Show,
                VenueName = "Théâtre du Confluent", City = "Lyon", Description = "Comédie-ballet de Molière.", CreatedAt = now,
                Sessions = [At(10, 20, 10), At(17, 20, 2)],
            },
            new Offer
            {
                Id = Guid.NewGuid(), PublisherOrganizationId = DemoOrganizations.CulturalPartner, Title = "Visite guidée des traboules", Category = OfferCategory.GuidedTour,
                VenueName = "Vieux-Lyon", City = "Lyon", Description = "Visite commentée des passages du Vieux-Lyon.", CreatedAt = now,
                Sessions = [At(6, 14, 15)],
            });
        db.Beneficiaries.AddRange(
            new Beneficiary { Id = Guid.NewGuid(), OrganizationId = DemoOrganizations.SocialPartner, DisplayName = "Samia K.", ExternalRef = "DOS-114", CreatedAt = now },
            new Beneficiary { Id = Guid.NewGuid(), OrganizationId = DemoOrganizations.SocialPartner, DisplayName = "Jean-Marc P.", CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        return ["Ticketing: 2 offers of the Théâtre du Confluent, 2 beneficiaries of the social partner (book with demo-social-booker)"];
    }
}
