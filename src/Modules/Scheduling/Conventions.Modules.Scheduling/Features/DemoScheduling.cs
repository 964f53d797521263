using Conventions.BuildingBlocks.Persistence;
using Conventions.Modules.Partners.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Conventions.Modules.Scheduling.Features;

/// <summary>
/// La Ruche Numérique (Development only): the venue, its rooms and offices, A.V.A.Q.B-C's permanences for the current
/// semester (made through the same command as the API), and the 2023 visitor figures from the convention's preamble.
/// </summary>
internal sealed class DemoScheduling(IServiceScopeFactory scopes, TimeProvider clock) : IDemoDataSeeder
{
    public static readonly Guid Ruche = new("d4400000-0000-4000-8000-000000000001");
    private static readonly Guid TrainingRoom = new("d4400000-0000-4000-8000-000000000011");
    private static readonly Guid Office = new("d4400000-0000-4000-8000-000000000012");
    private static readonly Guid RucheConvention = new("c3300000-0000-4000-8000-000000000002");

    /// <summary>The seed's 2023 figures: 8,123 visitors, of which 3,855 / 565 / 1,394 / 619 / 742 in the five named categories.</summary>
    public static readonly IReadOnlyDictionary<VisitCategory, int> Figures2023 = new Dictionary<VisitCategory, int>
    {
        [VisitCategory.WalkIn] = 3855,
        [VisitCategory.Appointment] = 565,
        [VisitCategory.AutonomousAccess] = 1394,
        [VisitCategory.Partner] = 619,
        [VisitCategory.DigitalAdviser] = 742,
        [VisitCategory.Other] = 8123 - 3855 - 565 - 1394 - 619 - 742,
    };

    public int Order => 15;

    public async Task<IReadOnlyList<string>> SeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
        if (await db.Venues.AnyAsync(v => v.Id == Ruche, cancellationToken))
        {
            return [];
        }
        db.Venues.Add(new Venue
        {
            Id = Ruche,
            Name = "La Ruche Numérique",
            OperatorOrganizationId = DemoOrganizations.Bagnols,
            Line1 = "Tiers-lieu La Ruche Numérique",
            PostalCode = "30200",
            City = "Bagnols-sur-Cèze",
            CreatedAt = clock.GetUtcNow(),
            Rooms =
            [
                new Room { Id = TrainingRoom, VenueId = Ruche, Name = "Salle d'ateliers", Kind = RoomKind.Room, Capacity = 12, HasInternet = true },
                new Room { Id = Office, VenueId = Ruche, Name = "Bureau des permanences", Kind = RoomKind.Office, Capacity = 3, HasInternet = true },
            ],
        });
        // All of 2023, recorded on the last day of the year per category.
        foreach (var (category, count) in Figures2023)
        {
            db.Visits.Add(new VisitCount { Id = Guid.NewGuid(), VenueId = Ruche, On = new DateOnly(2023, 12, 31), Category = category, Count = count });
        }
        await db.SaveChangesAsync(cancellationToken);

        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = Actor.System;
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var semester = Semesters.Of(clock.Today());
        await mediator.Send(new CreatePermanence
        {
            ConventionId = RucheConvention, RoomId = Office, Semester = semester, DayOfWeek = DayOfWeek.Tuesday,
            StartTime = "09:00", EndTime = "12:00", Activity = Activity.Retirement, Intervenant = "Présidente de l'association", Capacity = 3,
        }, cancellationToken);
        await mediator.Send(new CreatePermanence
        {
            ConventionId = RucheConvention, RoomId = Office, Semester = semester, DayOfWeek = DayOfWeek.Thursday,
            StartTime = "14:00", EndTime = "17:00", Activity = Activity.ResidencePermit, Intervenant = "Conseiller numérique de l'association", Capacity = 3,
        }, cancellationToken);
        await mediator.Send(new CreatePermanence
        {
            ConventionId = RucheConvention, RoomId = TrainingRoom, Semester = semester, DayOfWeek = DayOfWeek.Friday,
            StartTime = "14:00", EndTime = "16:00", Activity = Activity.DigitalWorkshop, Intervenant = "Conseiller numérique de l'association", Capacity = 10,
        }, cancellationToken);
        return [$"La Ruche Numérique venue {Ruche}: permanences of A.V.A.Q.B-C for {semester}, 2023 statistics"];
    }
}
