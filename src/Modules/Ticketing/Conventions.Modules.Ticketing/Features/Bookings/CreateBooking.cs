using Conventions.BuildingBlocks.Idempotency;
using Conventions.BuildingBlocks.Rendering;
using Conventions.Modules.Conventions.Contracts;
using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Ticketing.Features;

internal sealed record GuestInput
{
    /// <example>Yanis K.</example>
    public string? FullName { get; init; }

    /// <example>family</example>
    public GuestRelation? Relation { get; init; }
}

internal sealed record CompanionInput
{
    /// <example>Julie R.</example>
    public string? FullName { get; init; }

    /// <example>professional</example>
    public CompanionKind? Kind { get; init; }

    /// <summary>Why the companion's presence is wanted or needed.</summary>
    /// <example>Accompagnement demandé par l'Actionneur (première sortie au théâtre).</example>
    public string? Reason { get; init; }
}

/// <summary>A booking for one beneficiary, freely chosen, with optional guests and companions: all seats or none.</summary>
internal sealed record CreateBooking : ICommand<BookingDto>
{
    public Guid? SessionId { get; init; }

    public Guid? BeneficiaryId { get; init; }

    public IReadOnlyList<GuestInput>? Guests { get; init; }

    public IReadOnlyList<CompanionInput>? Companions { get; init; }
}

internal sealed class CreateBookingValidator : AbstractValidator<CreateBooking>
{
    public CreateBookingValidator()
    {
        RuleFor(c => c.SessionId).NotEmpty().WithMessage("Required.");
        RuleFor(c => c.BeneficiaryId).NotEmpty().WithMessage("Required.");
        RuleFor(c => c.Guests).Must(g => g is null || g.Count <= 10).WithMessage("At most 10 guests.");
        RuleFor(c => c.Companions).Must(g => g is null || g.Count <= 5).WithMessage("At most 5 companions.");
        RuleForEach(c => c.Guests).ChildRules(g =>
        {
            g.RuleFor(x => x.FullName).RequiredText(200);
            g.RuleFor(x => x.Relation).NotNull().WithMessage("Required: family or friend.");
        });
        RuleForEach(c => c.Companions).ChildRules(g =>
        {
            g.RuleFor(x => x.FullName).RequiredText(200);
            g.RuleFor(x => x.Kind).NotNull().WithMessage("Required: professional or volunteer.");
            g.RuleFor(x => x.Reason).RequiredParagraphs(500);
        });
    }
}

internal sealed class CreateBookingHandler(TicketingDbContext db, ICurrentActor current, TimeProvider clock, IMediator mediator, BookingGroupCommit writer, IdempotencyRequest idempotency) : ICommandHandler<CreateBooking, BookingDto>
{
    public async ValueTask<BookingDto> Handle(CreateBooking command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var organization = actor.OrganizationId ?? throw new ForbiddenException("booking.organization_only", "Bookings are made with a social partner's booker key.");
        var standing = await mediator.Send(new MayOperateUnder(organization, ConventionTemplates.CultureSocialPartner), cancellationToken);
        if (!standing.Allowed)
        {
            throw new ConflictException("convention.not_active",
                standing.Status is null
                    ? "Your organization has no Culture pour tous convention: bookings need an active one."
                    : $"Your organization's Culture pour tous convention is {JsonDefaults.Kebab(standing.Status.Value)}: bookings need an active one.");
        }
        // The reads below share one connection (each would otherwise take one from the pool and give it back).
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            // Checks and the advisory weekly count read outside the write transaction; the seats themselves are decided
            // inside it, by the conditional update alone.
            var beneficiary = await BeneficiaryOf(db, command.BeneficiaryId!.Value, organization)
                ?? throw NotFoundException.For("beneficiary", command.BeneficiaryId!.Value);
            var session = await SessionById(db, command.SessionId!.Value)
                ?? throw NotFoundException.For("session", command.SessionId!.Value);
            session.EnsureBookable(now);
            var week = Booking.WeekOf(session.StartsAt);
            var warnings = new List<WarningDto>();
            if (ReasonableUse.WarningFor(await BookingsInWeek(db, beneficiary.Id, week), week) is { } warning)
            {
                warnings.Add(new WarningDto("booking.reasonable_use", warning));
            }

            var people = new List<InvitationRequest> { new(beneficiary.DisplayName, InvitationRole.Beneficiary) };
            people.AddRange((command.Guests ?? []).Select(g => new InvitationRequest(g.FullName!, InvitationRole.Guest, Relation: g.Relation)));
            people.AddRange((command.Companions ?? []).Select(c => new InvitationRequest(c.FullName!, InvitationRole.Companion, CompanionKind: c.Kind, Reason: c.Reason)));
            var booking = Booking.Request(BookedSession.Of(session), organization, beneficiary.Id, actor.CredentialId, people, now);
            // Seats taken (all or none) or the waiting list joined, and committed, together with the other bookings
            // waiting to be written (group commit).
            // With an Idempotency-Key, the answer is stored in the group commit's transaction (ADR 0014), not by the behaviour.
            var pending = idempotency.Defer();
            // An offer's publisher never changes: read once per offer, then from memory.
            if (!Publishers.TryGetValue(session.OfferId, out var publisher))
            {
                if (Publishers.Count > 100_000)
                {
                    Publishers.Clear();
                }
                publisher = Publishers[session.OfferId] = await PublisherOf(db, session.OfferId);
            }
            var position = await writer.WriteAsync(booking, pending is null ? null : place => pending.Record(TicketingMapping.ToDto(booking, place, warnings)), publisher);
            return TicketingMapping.ToDto(booking, position, warnings);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // The booking path's reads, compiled once: each booking skips EF's expression processing and query-cache lookup.
    private static readonly Func<TicketingDbContext, Guid, Guid, Task<Beneficiary?>> BeneficiaryOf = EF.CompileAsyncQuery(
        (TicketingDbContext db, Guid id, Guid organization) => db.Beneficiaries.AsNoTracking().SingleOrDefault(b => b.Id == id && b.OrganizationId == organization));

    private static readonly Func<TicketingDbContext, Guid, Task<Session?>> SessionById = EF.CompileAsyncQuery(
        (TicketingDbContext db, Guid id) => db.Sessions.AsNoTracking().SingleOrDefault(s => s.Id == id));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, Guid> Publishers = new();

    private static readonly Func<TicketingDbContext, Guid, Task<Guid>> PublisherOf = EF.CompileAsyncQuery(
        (TicketingDbContext db, Guid offer) => db.Offers.Where(o => o.Id == offer).Select(o => o.PublisherOrganizationId).Single());

    private static readonly Func<TicketingDbContext, Guid, DateOnly, Task<int>> BookingsInWeek = EF.CompileAsyncQuery(
        (TicketingDbContext db, Guid beneficiary, DateOnly week) => db.Bookings.Count(b => b.BeneficiaryId == beneficiary && b.SessionWeek == week && b.Status != BookingStatus.Cancelled));
}
