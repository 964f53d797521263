using Conventions.BuildingBlocks.Access;
using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Rendering;
using Conventions.BuildingBlocks.Time;
using Conventions.BuildingBlocks.Validation;
using Conventions.BuildingBlocks.Web;
using Conventions.Modules.Partners.Contracts;
using Conventions.Modules.Ticketing.Contracts;
using Conventions.Modules.Ticketing.Domain;
using Conventions.Modules.Ticketing.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Conventions.Modules.Ticketing.Features;

internal sealed record SessionInput
{
    /// <example>2027-01-15T20:30:00+01:00</example>
    public DateTimeOffset? StartsAt { get; init; }

    /// <example>10</example>
    public int? Seats { get; init; }

    public DateTimeOffset? BookingOpensAt { get; init; }

    public DateTimeOffset? BookingClosesAt { get; init; }
}

internal sealed record CreateOffer : ICommand<OfferDto>
{
    public Guid? PublisherOrganizationId { get; init; }

    /// <example>Le Malade imaginaire</example>
    public string? Title { get; init; }

    /// <example>show</example>
    public OfferCategory? Category { get; init; }

    /// <example>Théâtre du Confluent</example>
    public string? VenueName { get; init; }

    /// <example>Lyon</example>
    public string? City { get; init; }

    /// <example>Comédie-ballet de Molière, mise en scène contemporaine.</example>
    public string? Description { get; init; }

    public IReadOnlyList<SessionInput>? Sessions { get; init; }
}

internal sealed record SessionDto(Guid Id, DateTimeOffset StartsAt, int Seats, int SeatsLeft, DateTimeOffset? BookingOpensAt, DateTimeOffset? BookingClosesAt, SessionStatus Status, string? CancellationReason);

internal sealed record OfferDto(Guid Id, Guid PublisherOrganizationId, string Title, OfferCategory Category, string VenueName, string City, string Description, IReadOnlyList<SessionDto> Sessions);

internal static class OfferMapping
{
    public static SessionDto ToDto(Session s) => new(s.Id, ParisTime.ToParis(s.StartsAt), s.Seats, s.SeatsLeft,
        s.BookingOpensAt is { } o ? ParisTime.ToParis(o) : null, s.BookingClosesAt is { } c ? ParisTime.ToParis(c) : null, s.Status, s.CancellationReason);

    public static OfferDto ToDto(Offer o) => new(o.Id, o.PublisherOrganizationId, o.Title, o.Category, o.VenueName, o.City, o.Description,
        o.Sessions.OrderBy(s => s.StartsAt).Select(ToDto).ToList());
}

internal sealed class SessionInputValidator : AbstractValidator<SessionInput>
{
    public SessionInputValidator(TimeProvider clock)
    {
        RuleFor(s => s.StartsAt).NotNull().WithMessage("Required.").Must(s => s is null || (s > clock.GetUtcNow() && s < clock.GetUtcNow().AddYears(3))).WithMessage("Must be in the future, within three years.");
        RuleFor(s => s.Seats).NotNull().WithMessage("Required.").InclusiveBetween(1, 100_000);
        RuleFor(s => s.BookingClosesAt).Must((s, close) => close is null || s.StartsAt is null || close <= s.StartsAt).WithMessage("Bookings close before the session starts.")
            .Must((s, close) => close is null || s.BookingOpensAt is null || close > s.BookingOpensAt).WithMessage("Must be after bookingOpensAt.");
    }
}

internal sealed class CreateOfferValidator : AbstractValidator<CreateOffer>
{
    public CreateOfferValidator(TimeProvider clock)
    {
        RuleFor(c => c.PublisherOrganizationId).NotEmpty().WithMessage("Required.");
        RuleFor(c => c.Title).RequiredText(300);
        RuleFor(c => c.Category).NotNull().WithMessage("Required: show, guided-tour, conference, workshop, match, training or other.");
        RuleFor(c => c.VenueName).RequiredText(200);
        RuleFor(c => c.City).RequiredText(120);
        RuleFor(c => c.Description).RequiredParagraphs(4000);
        RuleFor(c => c.Sessions).NotEmpty().WithMessage("At least one session.").Must(s => s is null || s.Count <= 200).WithMessage("At most 200 sessions.");
        RuleForEach(c => c.Sessions).SetValidator(new SessionInputValidator(clock));
    }
}

internal sealed class CreateOfferHandler(TicketingDbContext db, ICurrentActor current, TimeProvider clock, IMediator mediator) : ICommandHandler<CreateOffer, OfferDto>
{
    public async ValueTask<OfferDto> Handle(CreateOffer command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var publisher = command.PublisherOrganizationId!.Value;
        if (!(actor.Operates(TicketingAccess.Program) || actor.IsStaffOf(publisher, Role.Publisher)))
        {
            throw new ForbiddenException("offer.forbidden", "A cultural partner publishes its own offers (and the operator of Culture pour tous for its partners).");
        }
        if (await mediator.Send(new GetOrganizationSummary(publisher), cancellationToken) is null)
        {
            throw new BusinessRuleException("offer.unknown_publisher", $"No organization with id '{publisher}'.");
        }
        // An operator publishes only for the cultural partners of its program.
        if (!actor.SeesEverything && actor.OrganizationId != publisher
            && !(await mediator.Send(new GetOrganizationPrograms(publisher), cancellationToken)).IsMemberOf(TicketingAccess.Program))
        {
            throw new ForbiddenException("program.organization_outside", "This organization does not take part in Culture pour tous.");
        }
        var offer = new Offer
        {
            Id = Guid.NewGuid(),
            PublisherOrganizationId = publisher,
            Title = command.Title!.Trim(),
            Category = command.Category!.Value,
            VenueName = command.VenueName!.Trim(),
            City = command.City!.Trim(),
            Description = command.Description!.Trim(),
            CreatedAt = clock.GetUtcNow(),
            Sessions = command.Sessions!.Select(s => new Session
            {
                Id = Guid.NewGuid(),
                StartsAt = s.StartsAt!.Value.ToUniversalTime(),
                Seats = s.Seats!.Value,
                SeatsLeft = s.Seats.Value,
                BookingOpensAt = s.BookingOpensAt?.ToUniversalTime(),
                BookingClosesAt = s.BookingClosesAt?.ToUniversalTime(),
                Status = SessionStatus.Scheduled,
            }).ToList(),
        };
        db.Offers.Add(offer);
        return OfferMapping.ToDto(offer);
    }
}

internal sealed record ListOffers(OfferCategory? Category, string? City) : IQuery<ListResponse<OfferDto>>;

internal sealed record GetOffer(Guid Id) : IQuery<OfferDto>;

internal sealed class OfferQueries(TicketingDbContext db) : IQueryHandler<ListOffers, ListResponse<OfferDto>>, IQueryHandler<GetOffer, OfferDto>
{
    public async ValueTask<ListResponse<OfferDto>> Handle(ListOffers query, CancellationToken cancellationToken)
    {
        var offers = db.Offers.AsNoTracking().Include(o => o.Sessions).AsQueryable();
        if (query.Category is { } category)
        {
            offers = offers.Where(o => o.Category == category);
        }
        if (!string.IsNullOrWhiteSpace(query.City))
        {
            offers = offers.Where(o => o.City == query.City);
        }
        var items = await offers.OrderBy(o => o.Title).ToListAsync(cancellationToken);
        return new ListResponse<OfferDto>(items.Select(OfferMapping.ToDto).ToList(), items.Count);
    }

    public async ValueTask<OfferDto> Handle(GetOffer query, CancellationToken cancellationToken) =>
        OfferMapping.ToDto(await db.Offers.AsNoTracking().Include(o => o.Sessions).SingleOrDefaultAsync(o => o.Id == query.Id, cancellationToken)
            ?? throw NotFoundException.For("offer", query.Id));
}

internal sealed record SessionChangeBody
{
    /// <summary>The new start: every booking structure is told (last-minute information).</summary>
    public DateTimeOffset? StartsAt { get; init; }

    /// <summary>The new number of seats (a reduction cannot go below the seats already booked).</summary>
    public int? Seats { get; init; }
}

internal sealed record ChangeSession(Guid OfferId, Guid SessionId, SessionChangeBody Body) : ICommand<SessionDto>;

internal sealed class ChangeSessionValidator : AbstractValidator<ChangeSession>
{
    public ChangeSessionValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body).Must(b => b.StartsAt is not null || b.Seats is not null).WithMessage("Change startsAt or seats.").OverridePropertyName("body");
        RuleFor(c => c.Body.StartsAt).Must(s => s is null || (s > clock.GetUtcNow() && s < clock.GetUtcNow().AddYears(3))).WithMessage("Must be in the future, within three years.");
        RuleFor(c => c.Body.Seats).InclusiveBetween(1, 100_000);
    }
}

internal sealed class ChangeSessionHandler(TicketingDbContext db, ICurrentActor current, TimeProvider clock, IMediator mediator, TicketingNotices notices, Waitlist waitlist)
    : ICommandHandler<ChangeSession, SessionDto>
{
    public async ValueTask<SessionDto> Handle(ChangeSession command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.InSerializableTransactionAsync(async ct =>
        {
            var offer = await db.Offers.SingleOrDefaultAsync(o => o.Id == command.OfferId, ct) ?? throw NotFoundException.For("offer", command.OfferId);
            TicketingAccess.EnsurePublisher(current.Actor, offer);
            var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == command.SessionId && s.OfferId == offer.Id, ct) ?? throw NotFoundException.For("session", command.SessionId);
            if (session.Status == SessionStatus.Cancelled)
            {
                throw new ConflictException("session.cancelled", "This session is cancelled.");
            }
            if (session.StartsAt <= now)
            {
                throw new ConflictException("session.started", "This session has started.");
            }
            var body = command.Body;
            if (body.Seats is { } seats && seats != session.Seats)
            {
                var booked = session.Seats - session.SeatsLeft;
                if (seats < booked)
                {
                    throw new BusinessRuleException("session.seats_below_booked", $"{booked} seats are already booked.");
                }
                session.SeatsLeft += seats - session.Seats;
                session.Seats = seats;
            }
            var bookings = await db.Bookings.Where(b => b.SessionId == session.Id && b.Status != BookingStatus.Cancelled).ToListAsync(ct);
            if (body.StartsAt is { } startsAt && startsAt != session.StartsAt)
            {
                var before = ParisTime.ToParis(session.StartsAt);
                session.StartsAt = startsAt.ToUniversalTime();
                foreach (var booking in bookings)
                {
                    booking.SessionStartsAt = session.StartsAt;
                    booking.SessionWeek = TicketingMapping.WeekOf(session.StartsAt);
                }
                var after = ParisTime.ToParis(session.StartsAt);
                await NotifyAsync(bookings, "session-rescheduled", $"Changement d'horaire : {offer.Title}",
                    $"La séance de « {offer.Title} » prévue le {French.Date(DateOnly.FromDateTime(before.DateTime))} à {before:HH\\hmm} aura lieu le {French.Date(DateOnly.FromDateTime(after.DateTime))} à {after:HH\\hmm}.",
                    $"session:{session.Id:N}:rescheduled:{session.StartsAt.UtcTicks}", now, ct);
            }
            await db.SaveChangesAsync(ct);
            await waitlist.PromoteAsync(db, session.Id, now, ct);
            await db.Entry(session).ReloadAsync(ct);
            return OfferMapping.ToDto(session);
        }, cancellationToken);
    }

    private async Task NotifyAsync(List<Booking> bookings, string kind, string subject, string message, string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var organizations = new List<OrganizationSummary>();
        foreach (var id in bookings.Select(b => b.OrganizationId).Distinct())
        {
            if (await mediator.Send(new GetOrganizationSummary(id), cancellationToken) is { } organization)
            {
                organizations.Add(organization);
            }
        }
        if (organizations.Count > 0)
        {
            notices.Publish(db, organizations, kind, subject, message, now, key);
        }
    }
}

internal sealed record SessionCancelBody
{
    /// <example>Comédien principal souffrant</example>
    public string? Reason { get; init; }
}

internal sealed record CancelSession(Guid OfferId, Guid SessionId, SessionCancelBody Body) : ICommand<SessionDto>;

internal sealed class CancelSessionValidator : AbstractValidator<CancelSession>
{
    public CancelSessionValidator() => RuleFor(c => c.Body.Reason).RequiredParagraphs(1000);
}

internal sealed class CancelSessionHandler(TicketingDbContext db, ICurrentActor current, TimeProvider clock, IMediator mediator, TicketingNotices notices)
    : ICommandHandler<CancelSession, SessionDto>
{
    public async ValueTask<SessionDto> Handle(CancelSession command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.InSerializableTransactionAsync(async ct =>
        {
            var offer = await db.Offers.SingleOrDefaultAsync(o => o.Id == command.OfferId, ct) ?? throw NotFoundException.For("offer", command.OfferId);
            TicketingAccess.EnsurePublisher(current.Actor, offer);
            var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == command.SessionId && s.OfferId == offer.Id, ct) ?? throw NotFoundException.For("session", command.SessionId);
            if (session.Status == SessionStatus.Cancelled)
            {
                throw new ConflictException("session.cancelled", "This session is already cancelled.");
            }
            if (session.StartsAt <= now)
            {
                throw new ConflictException("session.started", "This session has started.");
            }
            var reason = command.Body.Reason!.Trim();
            session.Status = SessionStatus.Cancelled;
            session.CancellationReason = reason;
            session.Waiting = 0;
            var bookings = await db.Bookings.Include(b => b.Invitations).Where(b => b.SessionId == session.Id && b.Status != BookingStatus.Cancelled).ToListAsync(ct);
            foreach (var booking in bookings)
            {
                booking.Status = BookingStatus.Cancelled;
                booking.CancelledAt = now;
                foreach (var invitation in booking.Invitations.Where(i => i.Status == InvitationStatus.Valid))
                {
                    invitation.Status = InvitationStatus.Cancelled;
                }
            }
            var organizations = new List<OrganizationSummary>();
            foreach (var id in bookings.Select(b => b.OrganizationId).Distinct())
            {
                if (await mediator.Send(new GetOrganizationSummary(id), ct) is { } organization)
                {
                    organizations.Add(organization);
                }
            }
            var starts = ParisTime.ToParis(session.StartsAt);
            if (organizations.Count > 0)
            {
                notices.Publish(db, organizations, "session-cancelled", $"Séance annulée : {offer.Title}",
                    $"La séance de « {offer.Title} » du {French.Date(DateOnly.FromDateTime(starts.DateTime))} à {starts:HH\\hmm} est annulée ({reason}). Les réservations et invitations correspondantes sont annulées.",
                    now, $"session:{session.Id:N}:cancelled");
            }
            db.Publish(new SessionCancelled(now, offer.Id, session.Id, reason, bookings.Count));
            return OfferMapping.ToDto(session);
        }, cancellationToken);
    }
}

internal static class OfferEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/offers").WithTags("Offers");

        group.MapPost("/", async Task<Created<OfferDto>> (CreateOffer command, IMediator mediator, CancellationToken ct) =>
            {
                var offer = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/v1/offers/{offer.Id}", offer);
            })
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin, Role.Publisher)
            .WithSummary("A cultural partner deposits free invitations: an offer with its sessions and seats.")
            .ProducesRefusals(400, 401, 403, 422);

        group.MapGet("/", async Task<Ok<ListResponse<OfferDto>>> (OfferCategory? category, string? city, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListOffers(category, city), ct)))
            .AllowVisitors()
            .WithSummary("The offers and their sessions with the seats left (visitor codes included).")
            .ProducesRefusals(400, 401, 403);

        group.MapGet("/{id:guid}", async Task<Ok<OfferDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetOffer(id), ct)))
            .AllowVisitors()
            .WithSummary("An offer with its sessions (visitor codes included).")
            .ProducesRefusals(401, 403, 404);

        group.MapPatch("/{id:guid}/sessions/{sessionId:guid}", async Task<Ok<SessionDto>> (Guid id, Guid sessionId, SessionChangeBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ChangeSession(id, sessionId, body), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin, Role.Publisher)
            .WithSummary("Changes a session's time or seats; every booking structure is told of a new time.")
            .ProducesRefusals(400, 401, 403, 404, 409, 422);

        group.MapPost("/{id:guid}/sessions/{sessionId:guid}/cancel", async Task<Ok<SessionDto>> (Guid id, Guid sessionId, SessionCancelBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CancelSession(id, sessionId, body), ct)))
            .RequireRoles(Role.PlatformAdmin, Role.OperatorAdmin, Role.Publisher)
            .WithSummary("Cancels a session: its bookings are cancelled and every booking structure notified.")
            .ProducesRefusals(400, 401, 403, 404, 409);
    }
}
